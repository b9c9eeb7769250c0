/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-gettext.h"

#include "jln-import-dialog.h"

/* Shows what an import of a spreadsheet or a Word table would make,
 * row by row, before anything is written; "import" hands the plan over. */

struct _JlnImportDialog
{
  AdwWindow        parent_instance;

  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkLabel        *summary_label;
  GtkDropDown     *table_dropdown;
  GtkListView     *rows_view;
  GtkWidget       *add_button;
  GtkWidget       *import_button;
  GtkExpander     *columns_expander;
  GtkBox          *columns_box;
  GtkCheckButton  *header_check;

  GFile           *file;
  char            *name;           /* for messages: the file's path, or what was pasted */
  GCancellable    *cancellable;
  GPtrArray       *tables;
  JlnPlan         *plan;
  JlnImportReport *report;
  GtkStringList   *rows;
  GArray          *warnings;
  gboolean         filling;
  gboolean         reading;
  guint            table;          /* the table chosen, from 1, or 0 */
  char            *columns;        /* the roles chosen, or NULL for the headers' */
};

/* The roles a column can be given, as --columns names them. */
static const struct
{
  const char *name;
  const char *label;
} roles[] = {
  { "note", N_("Keep in the note") },
  { "-", N_("Leave out") },
  { "objective", N_("Objective") },
  { "objective-title", N_("Objective’s title") },
  { "number", N_("Number") },
  { "title", N_("Action") },
  { "done", N_("Done when") },
  { "due", N_("Planned for") },
  { "status", N_("Status") },
  { "units", N_("Responsible units") },
  { "principles", N_("Principles") },
  { "indicator", N_("Indicator") },
  { "kind", N_("Kind of row") },
  { "theme", N_("Theme") },
};

G_DEFINE_FINAL_TYPE (JlnImportDialog, jln_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORT,
  ADD,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

typedef struct
{
  char            *path;
  char            *name;
  char            *columns;
  GPtrArray       *tables;
  guint            table;
  JlnPlan         *plan;
  JlnImportReport *report;
  gboolean         header;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_free (data->path);
  g_free (data->name);
  g_free (data->columns);
  g_clear_pointer (&data->tables, g_ptr_array_unref);
  g_clear_object (&data->plan);
  g_clear_pointer (&data->report, jln_import_report_free);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  JlnImportOptions options = JLN_IMPORT_OPTIONS_INIT;
  GError *error = NULL;

  if (data->tables == NULL)
    data->tables = jln_table_read_file (data->path, &error);
  if (data->tables != NULL)
    {
      options.table = data->table;
      options.columns = data->columns;
      options.first_row_is_header = data->header;
      data->plan = jln_import_read_tables (data->tables, data->name, &options, &data->report, &error);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_error (JlnImportDialog *self,
            const char      *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add", FALSE);
}

static void
fill_tables (JlnImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("The first table that looks like a plan"));
  for (guint i = 0; i < self->tables->len; i++)
    {
      JlnTable *table = g_ptr_array_index (self->tables, i);
      /* Translators: a table of the file to import: its number and its name. */
      g_autofree char *label = g_strdup_printf (_("%1$u. %2$s"), i + 1, table->name);

      gtk_string_list_append (names, label);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->table_dropdown, 0);
  self->filling = FALSE;
}

static void start_reading (JlnImportDialog *self,
                           guint            table);

static void
set_rows_model (JlnImportDialog *self)
{
  /* The view takes a reference of its own. */
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));

  gtk_list_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
}

static void
column_role_changed_cb (JlnImportDialog *self)
{
  GString *spec = g_string_new (NULL);

  if (self->filling)
    {
      g_string_free (spec, TRUE);
      return;
    }
  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box));
       box != NULL;
       box = gtk_widget_get_next_sibling (box))
    {
      GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_last_child (box));
      guint selected = gtk_drop_down_get_selected (dropdown);

      if (spec->len > 0)
        g_string_append_c (spec, ',');
      g_string_append (spec, roles[MIN (selected, G_N_ELEMENTS (roles) - 1)].name);
    }
  g_free (self->columns);
  self->columns = g_string_free (spec, FALSE);
  start_reading (self, self->table);
}

/* A drop-down per column, set to what was read of it: @spec, or "note"
 * for every column of the table when nothing could be read. */
static void
fill_columns (JlnImportDialog    *self,
              const char         *spec,
              const char * const *headers)
{
  g_auto(GStrv) names = spec != NULL ? g_strsplit (spec, ",", 0) : NULL;
  JlnTable *table = g_ptr_array_index (self->tables, self->table > 0 ? self->table - 1 : 0);
  guint n = names != NULL ? g_strv_length (names) : 0;
  GtkWidget *child;

  if (names == NULL)
    for (guint r = 0; r < table->rows->len; r++)
      n = MAX (n, ((JlnTableRow *) g_ptr_array_index (table->rows, r))->n_cells);
  n = MIN (n, 64);

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
  for (guint c = 0; c < n; c++)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label;
      GtkWidget *dropdown;
      g_autofree char *header = NULL;
      guint selected = 0;

      if (headers != NULL && c < g_strv_length ((char **) headers) && headers[c][0] != '\0')
        header = g_strdup (headers[c]);
      else
        /* Translators: a column with no header; %u is its number. */
        header = g_strdup_printf (_("Column %u"), c + 1);
      label = gtk_label_new (header);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
        {
          gtk_string_list_append (labels, _(roles[r].label));
          if (names != NULL && g_strcmp0 (names[c], roles[r].name) == 0)
            selected = r;
        }
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      header, -1);
      g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (column_role_changed_cb), self);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), dropdown);
      gtk_box_append (self->columns_box, box);
    }
  self->filling = FALSE;
}

/* The tables were read but no plan could be made of them: the reason,
 * and the columns to say what each holds. */
static void
show_mapping (JlnImportDialog *self,
              const char      *message)
{
  /* The first row names the columns, as far as the user can tell. */
  if (self->columns == NULL)
    {
      JlnTable *table = g_ptr_array_index (self->tables, self->table > 0 ? self->table - 1 : 0);
      JlnTableRow *first = table->rows->len > 0 ? g_ptr_array_index (table->rows, 0) : NULL;

      fill_columns (self, NULL, first != NULL ? (const char * const *) first->cells : NULL);
    }
  g_array_set_size (self->warnings, 0);
  g_clear_object (&self->rows);
  self->rows = gtk_string_list_new (NULL);
  set_rows_model (self);
  gtk_label_set_text (self->summary_label, message);
  gtk_expander_set_expanded (self->columns_expander, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add", FALSE);
}

static void
show_report (JlnImportDialog *self)
{
  g_autofree char *summary = jln_import_report_get_summary (self->report);
  GPtrArray *lines = jln_import_report_get_lines (self->report);
  g_autofree const char **texts = g_new0 (const char *, lines->len + 1);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *heading = NULL;

  g_array_set_size (self->warnings, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      JlnImportLine *line = g_ptr_array_index (lines, i);
      /* Translators: a row of the import report: its number in the file,
       * what it says, and on a second line what was made of it. */
      char *text = g_strdup_printf (_("Row %1$u: %2$s\n→ %3$s"), line->row, line->read, line->made);

      g_ptr_array_add (owned, text);
      texts[i] = text;
      g_array_append_val (self->warnings, line->warning);
    }
  g_clear_object (&self->rows);
  self->rows = gtk_string_list_new (texts);
  set_rows_model (self);

  /* Translators: %1$s is the summary of an import, %2$s the table it read. */
  heading = g_strdup_printf (_("%1$s, from “%2$s”"), summary, jln_import_report_get_table (self->report));
  gtk_label_set_text (self->summary_label, heading);
  if (self->columns == NULL)
    fill_columns (self, jln_import_report_get_columns (self->report),
                  jln_import_report_get_headers (self->report));
  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add", TRUE);
}

static void
read_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  JlnImportDialog *self;
  ReadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = JLN_IMPORT_DIALOG (source_object);
  self->reading = FALSE;
  gtk_spinner_stop (self->spinner);

  if (self->tables == NULL && data->tables != NULL)
    {
      self->tables = g_ptr_array_ref (data->tables);
      fill_tables (self);
    }
  if (error != NULL && self->tables != NULL)
    {
      show_mapping (self, error->message);
      return;
    }
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_set_object (&self->plan, data->plan);
  g_clear_pointer (&self->report, jln_import_report_free);
  self->report = g_steal_pointer (&data->report);
  show_report (self);
}

static void
start_reading (JlnImportDialog *self,
               guint            table)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data = g_new0 (ReadData, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data->path = self->file != NULL ? g_file_get_path (self->file) : NULL;
  data->name = g_strdup (self->name);
  data->tables = self->tables != NULL ? g_ptr_array_ref (self->tables) : NULL;
  data->table = table;
  data->columns = g_strdup (self->columns);
  data->header = gtk_check_button_get_active (self->header_check);
  self->table = table;
  self->reading = TRUE;
  g_clear_object (&self->plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_thread);
}

static void
table_selected_cb (JlnImportDialog *self)
{
  if (self->filling || self->tables == NULL)
    return;
  g_clear_pointer (&self->columns, g_free);
  start_reading (self, gtk_drop_down_get_selected (self->table_dropdown));
}

static void
header_toggled_cb (JlnImportDialog *self)
{
  if (self->tables != NULL && self->columns != NULL)
    start_reading (self, self->table);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("jln-dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             JlnImportDialog          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  GtkStringObject *row = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  gboolean warning = position < self->warnings->len && g_array_index (self->warnings, gboolean, position);

  /* Plan text is plain text: never markup. */
  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (row));
  gtk_widget_set_opacity (icon, warning ? 1.0 : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  warning ? _("Warning") : "", -1);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JlnImportDialog *self = JLN_IMPORT_DIALOG (widget);
  g_autofree char *path = NULL;

  if (self->plan == NULL || self->file == NULL)
    return;
  path = g_file_get_path (self->file);
  g_signal_emit (self, signals[IMPORT], 0, self->plan, path);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  JlnImportDialog *self = JLN_IMPORT_DIALOG (widget);
  g_autofree char *path = NULL;

  if (self->plan == NULL)
    return;
  path = self->file != NULL ? g_file_get_path (self->file) : g_strdup (self->name);
  g_signal_emit (self, signals[ADD], 0, self->plan, path);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
jln_import_dialog_dispose (GObject *object)
{
  JlnImportDialog *self = JLN_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JLN_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (jln_import_dialog_parent_class)->dispose (object);
}

static void
jln_import_dialog_finalize (GObject *object)
{
  JlnImportDialog *self = JLN_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  g_free (self->name);
  g_free (self->columns);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->report, jln_import_report_free);
  g_clear_object (&self->rows);
  g_array_unref (self->warnings);
  G_OBJECT_CLASS (jln_import_dialog_parent_class)->finalize (object);
}

static void
jln_import_dialog_class_init (JlnImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jln_import_dialog_dispose;
  object_class->finalize = jln_import_dialog_finalize;

  /**
   * JlnImportDialog::import:
   * @plan: the plan made of the file
   * @path: the file it was made of
   *
   * The user chose to import; the dialog is closing.
   */
  signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, JLN_TYPE_PLAN, G_TYPE_STRING);

  /**
   * JlnImportDialog::add:
   * @plan: the plan made of the file
   * @path: the file it was made of
   *
   * The user chose to add what was read to the open plan; the dialog is
   * closing.
   */
  signals[ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 2, JLN_TYPE_PLAN, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jalons/Jalons/jln-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, columns_expander);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, columns_box);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, header_check);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JlnImportDialog, rows_view);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
jln_import_dialog_init (JlnImportDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->warnings = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->rows_view, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->table_dropdown, "notify::selected", G_CALLBACK (table_selected_cb), self);
  g_signal_connect_swapped (self->header_check, "toggled", G_CALLBACK (header_toggled_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add", FALSE);
}

/**
 * jln_import_dialog_new:
 * @file: a CSV, TSV, ODS, XLSX, ODT or DOCX file
 *
 * Returns: (transfer floating): a dialog that reads @file at once
 */
JlnImportDialog *
jln_import_dialog_new (GtkWindow *parent,
                       GFile     *file)
{
  JlnImportDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (JLN_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  self->name = g_file_get_path (file);
  /* Translators: the title of the import dialog; %s is a file name. */
  title = g_strdup_printf (_("Import “%s”"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  path = g_file_get_path (file);
  if (self->name == NULL)
    self->name = g_strdup (name);
  if (path == NULL)
    show_error (self, _("Only local files can be imported"));
  else
    start_reading (self, 0);
  return self;
}

/**
 * jln_import_dialog_new_for_tables:
 * @tables: (element-type JlnTable): tables read from the clipboard
 * @name: what to call them
 *
 * A dialog that reports what @tables would make, to add to the plan open
 * in the window.
 *
 * Returns: (transfer floating): the dialog
 */
JlnImportDialog *
jln_import_dialog_new_for_tables (GtkWindow  *parent,
                                  GPtrArray  *tables,
                                  const char *name)
{
  JlnImportDialog *self;

  g_return_val_if_fail (tables != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (JLN_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->name = g_strdup (name);
  self->tables = g_ptr_array_ref (tables);
  fill_tables (self);
  gtk_window_set_title (GTK_WINDOW (self), name);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_widget_set_visible (self->add_button, TRUE);
  start_reading (self, 0);
  return self;
}

/**
 * jln_import_dialog_is_ready:
 *
 * Returns: whether the file has been read and its report, or why it
 *   cannot be imported, is shown
 */
gboolean
jln_import_dialog_is_ready (JlnImportDialog *self)
{
  g_return_val_if_fail (JLN_IS_IMPORT_DIALOG (self), FALSE);
  return !self->reading;
}

/**
 * jln_import_dialog_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the import would make
 */
JlnPlan *
jln_import_dialog_get_plan (JlnImportDialog *self)
{
  g_return_val_if_fail (JLN_IS_IMPORT_DIALOG (self), NULL);
  return self->plan;
}

/**
 * jln_import_dialog_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown
 */
JlnImportReport *
jln_import_dialog_get_report (JlnImportDialog *self)
{
  g_return_val_if_fail (JLN_IS_IMPORT_DIALOG (self), NULL);
  return self->report;
}

/**
 * jln_import_dialog_set_table:
 * @table: the table to read, from 1, or 0 for the first that looks like a plan
 */
void
jln_import_dialog_set_table (JlnImportDialog *self,
                             guint            table)
{
  g_return_if_fail (JLN_IS_IMPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->table_dropdown, table);
}

/**
 * jln_import_dialog_set_can_add:
 *
 * Offers to add what was read to the plan open in the window, besides
 * making a new plan of it.
 */
void
jln_import_dialog_set_can_add (JlnImportDialog *self,
                               gboolean         can_add)
{
  g_return_if_fail (JLN_IS_IMPORT_DIALOG (self));
  gtk_widget_set_visible (self->add_button, can_add);
}

/* Rows copied from a spreadsheet or a Word table, as the clipboard holds
 * them: an HTML table, or tab-separated text. */

static void
clipboard_spliced_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GOutputStream *memory = G_OUTPUT_STREAM (source);
  const char *mime_type = g_object_get_data (source, "jln-mime-type");
  const char *name = _("Pasted rows");
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *tables;
  GError *error = NULL;

  if (g_output_stream_splice_finish (memory, result, &error) < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  if (g_str_has_prefix (mime_type, "text/html"))
    tables = jln_table_read_html (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, &error);
  else
    tables = jln_table_read_text (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, '\0', &error);
  if (tables == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tables, (GDestroyNotify) g_ptr_array_unref);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *mime_type = NULL;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result,
                                                              &mime_type, NULL);
  g_autoptr(GOutputStream) memory = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (stream == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "%s", _("The clipboard holds no rows of a table"));
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_object_set_data_full (G_OBJECT (memory), "jln-mime-type", g_strdup (mime_type), g_free);
  g_output_stream_splice_async (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, G_PRIORITY_DEFAULT,
                                cancellable, clipboard_spliced_cb, g_steal_pointer (&task));
}

/**
 * jln_import_dialog_new_for_clipboard_async:
 *
 * Reads the rows on @clipboard, to make a dialog of them with
 * jln_import_dialog_new_for_clipboard_finish().
 */
void
jln_import_dialog_new_for_clipboard_async (GdkClipboard        *clipboard,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  static const char *mime_types[] = { "text/html", "text/plain;charset=utf-8", "text/plain", NULL };
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, jln_import_dialog_new_for_clipboard_async);
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, cancellable,
                            clipboard_read_cb, task);
}

/**
 * jln_import_dialog_new_for_clipboard_finish:
 *
 * Returns: (transfer floating) (nullable): a dialog that reports what the
 *   rows on the clipboard would make, to add them to the open plan; %NULL
 *   with @error set when the clipboard holds no table
 */
JlnImportDialog *
jln_import_dialog_new_for_clipboard_finish (GAsyncResult  *result,
                                            GtkWindow     *parent,
                                            GError       **error)
{
  g_autoptr(GPtrArray) tables = g_task_propagate_pointer (G_TASK (result), error);

  if (tables == NULL)
    return NULL;
  return jln_import_dialog_new_for_tables (parent, tables, _("Pasted rows"));
}
