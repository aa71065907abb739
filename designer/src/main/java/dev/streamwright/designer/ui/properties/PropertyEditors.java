package dev.streamwright.designer.ui.properties;

import dev.streamwright.plugin.api.PropertySpec;

/**
 * Chooses the editor of a property by its kind; a Model score node's {@code inputs} get the model
 * section (signature, card, input mapping) instead of a plain table.
 */
final class PropertyEditors {

  private PropertyEditors() {}

  static PropertyEditor create(PropertySpec spec, EditorContext context) {
    if (ModelInputsEditor.edits(context.typeId(), spec)) {
      return new ModelInputsEditor(spec, context);
    }
    return switch (spec.kind()) {
      case BOOLEAN -> new BooleanEditor(spec, context);
      case ENUM -> new EnumEditor(spec, context);
      case COLUMN -> new ColumnEditor(spec, context);
      case COLUMNS -> new ColumnsEditor(spec, context);
      case LIST, MAP -> new RowsEditor(spec, context);
      case STRING, INTEGER, NUMBER, DURATION, EXPRESSION, SQL, PATH ->
          new TextEditor(spec, context);
    };
  }
}
