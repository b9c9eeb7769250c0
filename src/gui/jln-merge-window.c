/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jln-merge-window.h"
#include "jln-session.h"

/* "Merge a Copy…" and "Compare with…": what each copy changed since their
 * common point, the conflicts on top with a choice of mine or theirs for
 * each (or, for a text, a value of one's own). Nothing is written until Merge is pressed; the merge is then one
 * undoable step of the plan's history. */
struct _JlnMergeWindow
{
  AdwWindow         parent_instance;

  JlnSession       *session;
  JlnDocument      *document;   /* the session's when opened */
  JlnMerge         *merge;
  char             *theirs_path;
  gboolean          compare_only;
  GPtrArray        *choices;   /* per conflict: the two GtkCheckButtons, mine then theirs */
  GPtrArray        *others;    /* per conflict: the GtkCheckButton of a value of one's own, or NULL */
  GPtrArray        *entries;   /* per conflict: the GtkEntry of that value, or NULL */

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkWidget        *merge_button;
  GtkStack         *stack;
  GtkWidget        *conflicts_group;
  GtkListBox       *conflicts_list;
  GtkWidget        *theirs_group;
  GtkListBox       *theirs_list;
  GtkWidget        *mine_group;
  GtkListBox       *mine_list;
};

G_DEFINE_FINAL_TYPE (JlnMergeWindow, jln_merge_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows listed per side; the rest are counted. */
#define MAX_ROWS 300

static const char *
op_text (JlnEditKind op)
{
  switch (op)
    {
    case JLN_EDIT_INSERT: return C_("an object of the plan", "Added");
    case JLN_EDIT_REMOVE: return C_("an object of the plan", "Removed");
    case JLN_EDIT_MOVE: return C_("an object of the plan", "Moved");
    case JLN_EDIT_SET:
    default:
      return "";
    }
}

/* A field as edits name it ("title-en"), as the interface names it. */
static char *
field_label (const char *field)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "number", NC_("changed field", "number") },
    { "label", NC_("changed field", "label") },
    { "title", NC_("changed field", "title") },
    { "theme", NC_("changed field", "theme") },
    { "description", NC_("changed field", "description") },
    { "status", NC_("changed field", "status") },
    { "completion", NC_("changed field", "completion") },
    { "start", NC_("changed field", "start") },
    { "end", NC_("changed field", "end") },
    { "due", NC_("changed field", "due date") },
    { "recurrence", NC_("changed field", "recurrence") },
    { "next", NC_("changed field", "next date") },
    { "references", NC_("changed field", "references") },
    { "extension", NC_("changed field", "extension") },
    { "note", NC_("changed field", "note") },
    { "notes", NC_("changed field", "notes") },
    { "actors", NC_("changed field", "actors") },
    { "follow-up", NC_("changed field", "follow-up") },
    { "schedule", NC_("changed field", "schedule") },
    { "units", NC_("changed field", "units") },
    { "principles", NC_("changed field", "principles") },
    { "actions", NC_("changed field", "actions") },
    { "position", NC_("changed field", "order") },
    { "code", NC_("changed field", "code") },
    { "name", NC_("changed field", "name") },
    { "date", NC_("changed field", "date") },
    { "kind", NC_("changed field", "kind") },
    { "year", NC_("changed field", "year") },
    { "series", NC_("changed field", "series") },
    { "value", NC_("changed field", "value") },
    { "text", NC_("changed field", "text") },
    { "source", NC_("changed field", "source") },
    { "measure", NC_("changed field", "measure") },
    { "remark", NC_("changed field", "remark") },
    { "area", NC_("changed field", "area") },
    { "programme", NC_("changed field", "programme") },
    { "author", NC_("changed field", "author") },
    { "body", NC_("changed field", "text of the section") },
  };
  g_autofree char *base = g_strdup (field);
  const char *label = field;
  int lang = -1;

  if (g_str_has_suffix (base, "-fr") || g_str_has_suffix (base, "-en"))
    {
      lang = g_str_has_suffix (base, "-fr") ? JLN_LANG_FR : JLN_LANG_EN;
      base[strlen (base) - 3] = '\0';
    }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, base))
      label = g_dpgettext2 (NULL, "changed field", labels[i].label);
  if (lang == JLN_LANG_FR)
    /* Translators: a field of a text kept in both languages, as in “title, in French”. */
    return g_strdup_printf (_("%s, in French"), label);
  if (lang == JLN_LANG_EN)
    return g_strdup_printf (_("%s, in English"), label);
  return g_strdup (label);
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Plan text is plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

static GtkWidget *
change_row (const JlnMergeChange *change)
{
  g_autofree char *subtitle = NULL;

  if (change->op == JLN_EDIT_SET)
    {
      g_autofree char *old_value = jln_merge_describe_value (change->old_value);
      g_autofree char *new_value = jln_merge_describe_value (change->new_value);
      g_autofree char *field = field_label (change->field);

      /* Translators: a change of a field: “status: planned → done”. */
      subtitle = g_strdup_printf (_("%1$s: %2$s → %3$s"), field, old_value, new_value);
    }
  else
    subtitle = g_strdup (op_text (change->op));
  return plain_row (change->label, subtitle);
}

static void
update_merge_button (JlnMergeWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply",
                                 !self->compare_only && jln_merge_window_can_merge (self));
}

static void
decide (JlnMergeWindow *self,
        guint           index,
        JlnMergeSide    side)
{
  GtkCheckButton *button;

  if (index >= jln_merge_get_n_conflicts (self->merge))
    return;
  jln_merge_decide (self->merge, index, side);
  button = g_ptr_array_index (self->choices, index * 2 + (side == JLN_MERGE_THEIRS ? 1 : 0));
  if (!gtk_check_button_get_active (button))
    gtk_check_button_set_active (button, TRUE);
  update_merge_button (self);
}

static void
other_changed_cb (JlnMergeWindow *self)
{
  for (guint i = 0; i < self->others->len; i++)
    {
      GtkCheckButton *other = g_ptr_array_index (self->others, i);
      GtkWidget *entry = g_ptr_array_index (self->entries, i);
      gboolean active = other != NULL && gtk_check_button_get_active (other);

      if (entry == NULL)
        continue;
      gtk_widget_set_sensitive (entry, active);
      if (active)
        jln_merge_decide_value (self->merge, i, gtk_editable_get_text (GTK_EDITABLE (entry)));
    }
  update_merge_button (self);
}

static void
choice_toggled_cb (GtkCheckButton *button,
                   JlnMergeWindow *self)
{
  guint index;

  if (!gtk_check_button_get_active (button) ||
      !g_ptr_array_find (self->choices, button, &index))
    return;
  decide (self, index / 2, index % 2 == 1 ? JLN_MERGE_THEIRS : JLN_MERGE_MINE);
}

static GtkWidget *
choice_button (JlnMergeWindow *self,
               const char     *text,
               GtkCheckButton *group)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_widget_set_tooltip_text (button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  g_signal_connect_object (button, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
  g_ptr_array_add (self->choices, button);
  return button;
}

static GtkWidget *
conflict_row (JlnMergeWindow         *self,
              const JlnMergeConflict *conflict)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *mine_text = NULL;
  g_autofree char *theirs_text = NULL;
  GtkWidget *row, *box, *mine;

  if (conflict->field == NULL)
    {
      subtitle = g_strdup (conflict->mine == NULL ? _("Removed in this plan, changed in the other copy")
                                                  : _("Changed in this plan, removed in the other copy"));
      mine_text = g_strdup (conflict->mine == NULL ? _("Leave it removed") : _("Keep it"));
      theirs_text = g_strdup (conflict->mine == NULL ? _("Bring it back") : _("Remove it"));
    }
  else
    {
      g_autofree char *base = jln_merge_describe_value (conflict->base);
      g_autofree char *mine_value = jln_merge_describe_value (conflict->mine);
      g_autofree char *theirs_value = jln_merge_describe_value (conflict->theirs);
      g_autofree char *field = field_label (conflict->field);

      /* Translators: %1$s is a field, %2$s its value in the common base. */
      subtitle = g_strdup_printf (_("%1$s, was %2$s"), field, base);
      /* Translators: the value this plan has. */
      mine_text = g_strdup_printf (_("Mine: %s"), mine_value);
      /* Translators: the value the other copy has. */
      theirs_text = g_strdup_printf (_("Theirs: %s"), theirs_value);
    }

  row = plain_row (conflict->label, subtitle);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  mine = choice_button (self, mine_text, NULL);
  gtk_box_append (GTK_BOX (box), mine);
  gtk_box_append (GTK_BOX (box), choice_button (self, theirs_text, GTK_CHECK_BUTTON (mine)));

  /* A text can also be written anew, from both. */
  if (conflict->field != NULL &&
      (g_str_has_suffix (conflict->field, "-fr") || g_str_has_suffix (conflict->field, "-en")))
    {
      GtkWidget *other = gtk_check_button_new_with_label (_("Other:"));
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_check_button_set_group (GTK_CHECK_BUTTON (other), GTK_CHECK_BUTTON (mine));
      gtk_editable_set_text (GTK_EDITABLE (entry), conflict->mine != NULL ? conflict->mine : "");
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 20);
      gtk_widget_set_sensitive (entry, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("A value of one’s own"), -1);
      g_signal_connect_object (other, "toggled", G_CALLBACK (other_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (entry, "changed", G_CALLBACK (other_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (line), other);
      gtk_box_append (GTK_BOX (line), entry);
      gtk_box_append (GTK_BOX (box), line);
      g_ptr_array_add (self->others, other);
      g_ptr_array_add (self->entries, entry);
    }
  else
    {
      g_ptr_array_add (self->others, NULL);
      g_ptr_array_add (self->entries, NULL);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

/* Changes are listed as the plan numbers objects: an objective, its
 * actions, each followed by its sub-items. Labels are a kind of object
 * and its number: the number comes first in the order. */
static char *
order_key (const JlnMergeChange *change)
{
  const char *space = strchr (change->label, ' ');
  g_autofree char *number = g_utf8_collate_key_for_filename (space != NULL ? space + 1 : change->label, -1);

  return g_strdup_printf ("%s\x01%02d", number, (int) change->kind);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  g_autofree char *key_a = order_key (*(const JlnMergeChange * const *) a);
  g_autofree char *key_b = order_key (*(const JlnMergeChange * const *) b);

  return strcmp (key_a, key_b);
}

static void
fill_side (JlnMergeWindow *self,
           GtkListBox     *list,
           GtkWidget      *group,
           JlnMergeSide    side)
{
  GPtrArray *all = jln_merge_get_changes (self->merge);
  g_autoptr(GPtrArray) changes = g_ptr_array_sized_new (all->len);
  guint n = jln_merge_count_changes (self->merge, side), shown = 0;

  /* The merge keeps the changes; this is only their order. */
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (changes, g_ptr_array_index (all, i));
  g_ptr_array_sort (changes, compare_changes);
  for (guint i = 0; i < changes->len && shown < MAX_ROWS; i++)
    {
      const JlnMergeChange *change = g_ptr_array_index (changes, i);

      if (change->side != side)
        continue;
      gtk_list_box_append (list, change_row (change));
      shown++;
    }
  if (n > shown)
    {
      g_autofree char *more = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "And %u more change",
                                                          "And %u more changes", n - shown),
                                               n - shown);

      gtk_list_box_append (list, plain_row (more, NULL));
    }
  gtk_widget_set_visible (group, n > 0);
}

static void
fill (JlnMergeWindow *self)
{
  guint n_conflicts = jln_merge_get_n_conflicts (self->merge);
  g_autofree char *name = g_path_get_basename (self->theirs_path);

  adw_window_title_set_title (self->window_title,
                              self->compare_only ? _("Compare with a Copy") : _("Merge a Copy"));
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self),
                        self->compare_only ? _("Compare with a Copy") : _("Merge a Copy"));

  for (guint i = 0; i < n_conflicts; i++)
    gtk_list_box_append (self->conflicts_list,
                         conflict_row (self, jln_merge_get_conflict (self->merge, i)));
  gtk_widget_set_visible (self->conflicts_group, n_conflicts > 0);
  fill_side (self, self->theirs_list, self->theirs_group, JLN_MERGE_THEIRS);
  fill_side (self, self->mine_list, self->mine_group, JLN_MERGE_MINE);

  gtk_stack_set_visible_child_name (self->stack,
                                    jln_merge_count_changes (self->merge, JLN_MERGE_THEIRS) > 0 ||
                                    jln_merge_count_changes (self->merge, JLN_MERGE_MINE) > 0
                                    ? "review" : "same");
  gtk_widget_set_visible (self->merge_button, !self->compare_only);
  update_merge_button (self);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnMergeWindow *self = JLN_MERGE_WINDOW (widget);
  const char *side;
  guint index;

  g_variant_get (parameter, "(u&s)", &index, &side);
  decide (self, index, g_str_equal (side, "theirs") ? JLN_MERGE_THEIRS : JLN_MERGE_MINE);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JlnMergeWindow *self = JLN_MERGE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint n_applied = 0;

  if (self->compare_only || !jln_merge_window_can_merge (self))
    return;
  if (!jln_merge_apply (self->merge, &n_applied, &error))
    {
      /* A toast's title is markup in libadwaita 1.2; the reason may quote a file. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  name = g_path_get_basename (self->theirs_path);
  g_signal_emit (self, signals[MERGED], 0, self->theirs_path, n_applied);
  gtk_window_close (GTK_WINDOW (self));
}

static void
jln_merge_window_dispose (GObject *object)
{
  JlnMergeWindow *self = JLN_MERGE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_MERGE_WINDOW);
  g_clear_pointer (&self->merge, jln_merge_free);
  g_clear_object (&self->document);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (jln_merge_window_parent_class)->dispose (object);
}

static void
jln_merge_window_finalize (GObject *object)
{
  JlnMergeWindow *self = JLN_MERGE_WINDOW (object);

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self->theirs_path);

  G_OBJECT_CLASS (jln_merge_window_parent_class)->finalize (object);
}

static void
jln_merge_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JlnMergeWindow *self = JLN_MERGE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_merge_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JlnMergeWindow *self = JLN_MERGE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      if (self->session != NULL)
        g_set_object (&self->document, jln_session_get_document (self->session));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jln_merge_window_class_init (JlnMergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_merge_window_dispose;
  object_class->finalize = jln_merge_window_finalize;
  object_class->get_property = jln_merge_window_get_property;
  object_class->set_property = jln_merge_window_set_property;

  /**
   * JlnMergeWindow:session:
   *
   * The session of the window it was opened from: a copy is merged into
   * its document.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JLN_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JlnMergeWindow::merged:
   * @path: the copy that was merged
   * @n_applied: how many of its changes were taken in
   *
   * The copy was merged into the plan, as one step that can be undone.
   */
  signals[MERGED] =
    g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jalons/Jalons/jln-merge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, merge_button);
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, theirs_group);
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, theirs_list);
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, mine_group);
  gtk_widget_class_bind_template_child (widget_class, JlnMergeWindow, mine_list);

  gtk_widget_class_install_action (widget_class, "merge.decide", "(us)", decide_action);
  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_action);
}

static void
jln_merge_window_init (JlnMergeWindow *self)
{
  self->choices = g_ptr_array_new ();
  self->others = g_ptr_array_new ();
  self->entries = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jln_merge_window_new:
 * @session: the session whose document the copy is merged into
 * @compare_only: show the differences, with no way to merge
 *
 * Reads the copy at @theirs_path and shows what merging it would do.
 *
 * Returns: (transfer floating): the window, or %NULL with @error when
 *   the copy cannot be merged
 */
GtkWidget *
jln_merge_window_new (GtkWindow    *parent,
                      JlnSession   *session,
                      const char   *theirs_path,
                      gboolean      compare_only,
                      GError      **error)
{
  JlnMerge *merge;
  JlnMergeWindow *self;

  g_return_val_if_fail (JLN_IS_SESSION (session), NULL);
  g_return_val_if_fail (JLN_IS_DOCUMENT (jln_session_get_document (session)), NULL);
  g_return_val_if_fail (theirs_path != NULL, NULL);

  merge = jln_merge_new (jln_session_get_document (session), theirs_path, NULL, error);
  if (merge == NULL)
    return NULL;
  self = g_object_new (JLN_TYPE_MERGE_WINDOW,
                       "transient-for", parent,
                       "session", session,
                       NULL);
  self->merge = merge;
  self->theirs_path = g_strdup (theirs_path);
  self->compare_only = compare_only;
  fill (self);
  return GTK_WIDGET (self);
}

JlnMerge *
jln_merge_window_get_merge (JlnMergeWindow *self)
{
  g_return_val_if_fail (JLN_IS_MERGE_WINDOW (self), NULL);
  return self->merge;
}

/* Every conflict is decided. */
gboolean
jln_merge_window_can_merge (JlnMergeWindow *self)
{
  g_return_val_if_fail (JLN_IS_MERGE_WINDOW (self), FALSE);

  for (guint i = 0; i < jln_merge_get_n_conflicts (self->merge); i++)
    if (!jln_merge_get_conflict (self->merge, i)->decided)
      return FALSE;
  return TRUE;
}
