package dev.streamwright.designer.ui;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeType;
import java.util.Map;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The icon of each node type and palette group, so the palette and the node boxes on the canvas
 * show the same picture for the same thing. Plugin types without an entry get their group's icon.
 */
public final class DesignerIcons {

  private static final Map<NodeCategory, Ikon> BY_CATEGORY =
      Map.of(
          NodeCategory.SOURCE, MaterialDesignD.DATABASE_IMPORT,
          NodeCategory.TRANSFORM, MaterialDesignF.FUNCTION_VARIANT,
          NodeCategory.FEATURE, MaterialDesignC.CHART_BELL_CURVE,
          NodeCategory.MODEL, MaterialDesignB.BRAIN,
          NodeCategory.QUALITY, MaterialDesignS.SHIELD_CHECK_OUTLINE,
          NodeCategory.SINK, MaterialDesignD.DATABASE_EXPORT);

  private static final Map<String, Ikon> BY_TYPE =
      Map.ofEntries(
          Map.entry("datagen", MaterialDesignD.DICE_MULTIPLE_OUTLINE),
          Map.entry("kafka-source", MaterialDesignA.APACHE_KAFKA),
          Map.entry("filter", MaterialDesignF.FILTER_OUTLINE),
          Map.entry("project", MaterialDesignT.TABLE_COLUMN),
          Map.entry("window-aggregate", MaterialDesignS.SIGMA),
          Map.entry("over-features", MaterialDesignC.CHART_TIMELINE_VARIANT),
          Map.entry("sql", MaterialDesignC.CODE_BRACES),
          Map.entry("model-score", MaterialDesignS.SPEEDOMETER),
          Map.entry("preview-sink", MaterialDesignE.EYE_OUTLINE),
          Map.entry("print-sink", MaterialDesignP.PRINTER),
          Map.entry("file-sink", MaterialDesignF.FILE_EXPORT_OUTLINE),
          Map.entry("kafka-sink", MaterialDesignA.APACHE_KAFKA),
          Map.entry("upsert-kafka-sink", MaterialDesignA.APACHE_KAFKA));

  /** Shown for nodes whose type is not installed. */
  public static final Ikon UNKNOWN_TYPE = MaterialDesignH.HELP_CIRCLE_OUTLINE;

  private DesignerIcons() {}

  /** The icon of a palette group. */
  public static Ikon of(NodeCategory category) {
    return BY_CATEGORY.getOrDefault(category, UNKNOWN_TYPE);
  }

  /** The icon of a node type: its own, or its group's. */
  public static Ikon of(NodeType type) {
    Ikon own = BY_TYPE.get(type.id());
    return own != null ? own : of(type.category());
  }

  /** A new icon node with the given style classes (size and colour come from the stylesheet). */
  public static FontIcon icon(Ikon ikon, String... styleClasses) {
    FontIcon icon = new FontIcon(ikon);
    icon.getStyleClass().add(DesignerStyles.ICON);
    icon.getStyleClass().addAll(styleClasses);
    return icon;
  }
}
