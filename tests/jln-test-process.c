/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib-unix.h>

#include "jln-test-process.h"

/* Starts @argv with its standard output and error read by the test. */
JlnTestChild *
jln_test_child_spawn (const char * const  *argv,
                      GError             **error)
{
  JlnTestChild *child = g_new0 (JlnTestChild, 1);

  child->out_fd = child->err_fd = -1;
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &child->pid, NULL,
                                 &child->out_fd, &child->err_fd, error))
    {
      g_free (child);
      return NULL;
    }
  g_unix_set_fd_nonblocking (child->out_fd, TRUE, NULL);
  g_unix_set_fd_nonblocking (child->err_fd, TRUE, NULL);
  child->out = g_string_new (NULL);
  child->err = g_string_new (NULL);
  return child;
}

/* Reads what is there on @fd into @into; closes it at the end of file. */
static void
read_available (int     *fd,
                GString *into)
{
  char buffer[65536];

  while (*fd >= 0)
    {
      ssize_t n = read (*fd, buffer, sizeof buffer);

      if (n > 0)
        g_string_append_len (into, buffer, n);
      else if (n < 0 && errno == EINTR)
        continue;
      else
        {
          if (n == 0 || errno != EAGAIN)
            {
              close (*fd);
              *fd = -1;
            }
          return;
        }
    }
}

static gboolean
try_reap (JlnTestChild *child,
          gboolean      block)
{
  pid_t pid;

  if (child->exited)
    return TRUE;
  do
    pid = waitpid (child->pid, &child->wait_status, block ? 0 : WNOHANG);
  while (pid < 0 && errno == EINTR);
  if (pid == child->pid)
    child->exited = TRUE;
  return child->exited;
}

/* Reads the child's output until it contains @until_output (or, when
 * that is NULL, until the child has exited), or until @deadline, a
 * g_get_monotonic_time() value. Returns whether that happened in time. */
gboolean
jln_test_child_wait_until (JlnTestChild *child,
                           gint64        deadline,
                           const char   *until_output)
{
  while (TRUE)
    {
      struct pollfd fds[2];
      int n_fds = 0;
      gint64 now;
      int timeout;

      read_available (&child->out_fd, child->out);
      read_available (&child->err_fd, child->err);
      if (until_output != NULL && strstr (child->out->str, until_output) != NULL)
        return TRUE;
      if (child->out_fd < 0 && child->err_fd < 0 && try_reap (child, FALSE))
        return until_output == NULL;

      now = g_get_monotonic_time ();
      if (now >= deadline)
        return FALSE;
      /* Without open pipes, the exit is polled for. */
      timeout = (int) MIN ((deadline - now + 999) / 1000, 20);
      if (child->out_fd >= 0)
        fds[n_fds++] = (struct pollfd) { child->out_fd, POLLIN, 0 };
      if (child->err_fd >= 0)
        fds[n_fds++] = (struct pollfd) { child->err_fd, POLLIN, 0 };
      if (n_fds > 0)
        poll (fds, n_fds, timeout);
      else
        g_usleep (1000);
    }
}

/* Kills the child with SIGKILL, reads what it wrote before, and reaps it. */
void
jln_test_child_kill (JlnTestChild *child)
{
  if (!child->exited)
    kill (child->pid, SIGKILL);
  try_reap (child, TRUE);
  /* Its pipes now end: what it wrote before dying is still there. */
  while (child->out_fd >= 0 || child->err_fd >= 0)
    {
      struct pollfd fds[2];
      int n_fds = 0;

      if (child->out_fd >= 0)
        fds[n_fds++] = (struct pollfd) { child->out_fd, POLLIN, 0 };
      if (child->err_fd >= 0)
        fds[n_fds++] = (struct pollfd) { child->err_fd, POLLIN, 0 };
      poll (fds, n_fds, 1000);
      read_available (&child->out_fd, child->out);
      read_available (&child->err_fd, child->err);
    }
}

/* How the child ended, with the end of its standard error, for messages. */
char *
jln_test_child_describe (JlnTestChild *child)
{
  const char *tail = child->err->str;

  if (child->err->len > 2000)
    tail += child->err->len - 2000;
  if (!child->exited)
    return g_strdup_printf ("still running; stderr: %s", tail);
  if (WIFSIGNALED (child->wait_status))
    return g_strdup_printf ("killed by signal %d (%s); stderr: %s",
                            WTERMSIG (child->wait_status),
                            g_strsignal (WTERMSIG (child->wait_status)), tail);
  return g_strdup_printf ("exited with status %d; stderr: %s",
                          WEXITSTATUS (child->wait_status), tail);
}

void
jln_test_child_free (JlnTestChild *child)
{
  if (child == NULL)
    return;
  jln_test_child_kill (child);
  g_spawn_close_pid (child->pid);
  g_string_free (child->out, TRUE);
  g_string_free (child->err, TRUE);
  g_free (child);
}

/* The test program itself, to run it again as a child. */
char *
jln_test_self_path (void)
{
  char *path = g_file_read_link ("/proc/self/exe", NULL);

  g_assert_nonnull (path);
  return path;
}

/* What the child wrote to stderr, without the notice a leak checker
 * prints when a thread ends while it suspends the threads at exit
 * ("==PID==Unable to get registers from thread TID."): the child's own
 * messages, which a test expects to be none. */
char *
jln_test_child_errors (JlnTestChild *child)
{
  g_autoptr(GRegex) notice = g_regex_new ("^==[0-9]+==Unable to get registers from thread [0-9]+\\.\n?",
                                          G_REGEX_MULTILINE, 0, NULL);

  return g_regex_replace_literal (notice, child->err->str, -1, 0, "", 0, NULL);
}
