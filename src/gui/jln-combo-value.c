/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-combo-value.h"

/* The value of a combo row of the editor, shown by a label of our own.
 *
 * libadwaita 1.2's AdwComboRow shows its value in a list view of one
 * item, which throws its item's widgets away and builds new ones each
 * time the value changes: the editor's status and semester rows did that
 * for every action the selection passed. The label takes the list view's
 * place, looks the same (one line, ellipsized past 20 characters,
 * centred), and only has its text set when the value's words change. The
 * row keeps everything else: its popover of choices, its keyboard
 * access, its role and its name. */

#define LABEL_KEY "jln-combo-value-label"

/* The list view that shows the value: the row's first list view outside
 * its popover. */
static GtkWidget *
find_current (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_LIST_VIEW (child))
        return child;
      found = find_current (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * jln_combo_value_update:
 *
 * Shows the words of the item selected in @row, if they changed.
 */
void
jln_combo_value_update (AdwComboRow *row)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), LABEL_KEY);
  gpointer item = adw_combo_row_get_selected_item (row);
  const char *text = GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : "";

  if (label != NULL && g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
model_cb (AdwComboRow *row)
{
  GtkWidget *current = find_current (GTK_WIDGET (row));

  /* The row gives its list view the new model: it shows nothing. */
  if (current != NULL)
    gtk_list_view_set_model (GTK_LIST_VIEW (current), NULL);
  jln_combo_value_update (row);
}

/**
 * jln_combo_value_install:
 * @row: a combo row whose items are #GtkStringObject
 *
 * Shows the value of @row with a label that is only changed when the
 * value's words do. Call it once, in the row's init.
 */
void
jln_combo_value_install (AdwComboRow *row)
{
  GtkWidget *current = find_current (GTK_WIDGET (row));
  GtkWidget *parent = current != NULL ? gtk_widget_get_parent (current) : NULL;
  GtkWidget *label;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  /* Another libadwaita: its own display stays. */
  if (!GTK_IS_BOX (parent))
    return;

  label = g_object_new (GTK_TYPE_LABEL,
                        "xalign", 0.0f,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        "max-width-chars", 20,
                        "valign", GTK_ALIGN_CENTER,
                        "can-target", FALSE,
                        NULL);
  /* Where the list view's item put its words. */
  gtk_widget_set_margin_end (label, 2);
  gtk_widget_add_css_class (label, "jln-combo-value");
  gtk_box_insert_child_after (GTK_BOX (parent), label, current);
  g_object_set_data (G_OBJECT (row), LABEL_KEY, label);
  gtk_list_view_set_model (GTK_LIST_VIEW (current), NULL);
  gtk_widget_set_visible (current, FALSE);
  g_signal_connect (row, "notify::selected-item", G_CALLBACK (jln_combo_value_update), NULL);
  g_signal_connect (row, "notify::model", G_CALLBACK (model_cb), NULL);
  jln_combo_value_update (row);
}
