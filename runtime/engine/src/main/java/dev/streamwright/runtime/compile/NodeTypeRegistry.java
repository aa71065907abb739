package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.NodeTypeProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node types the studio knows: the built-ins and those of plugins, found with {@link
 * ServiceLoader}. A plugin built against a newer API, or one that reuses a type id, is refused and
 * the reason kept for the plugin list.
 */
public final class NodeTypeRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(NodeTypeRegistry.class);

  private final Map<String, NodeType> types;
  private final Map<String, String> providers;
  private final List<String> refusals;

  private NodeTypeRegistry(
      Map<String, NodeType> types, Map<String, String> providers, List<String> refusals) {
    this.types = Collections.unmodifiableMap(types);
    this.providers = Collections.unmodifiableMap(providers);
    this.refusals = List.copyOf(refusals);
  }

  /** Loads every provider visible to this class's class loader. */
  public static NodeTypeRegistry load() {
    return load(NodeTypeRegistry.class.getClassLoader());
  }

  /** Loads every provider visible to the given class loader. */
  public static NodeTypeRegistry load(ClassLoader loader) {
    List<NodeTypeProvider> providers = new ArrayList<>();
    ServiceLoader.load(NodeTypeProvider.class, loader).forEach(providers::add);
    providers.sort((a, b) -> a.id().compareTo(b.id()));
    return of(providers);
  }

  /** A registry of exactly these providers. */
  public static NodeTypeRegistry of(Collection<? extends NodeTypeProvider> providers) {
    Map<String, NodeType> types = new TreeMap<>();
    Map<String, String> owner = new TreeMap<>();
    List<String> refusals = new ArrayList<>();
    for (NodeTypeProvider p : providers) {
      if (p.apiVersion() > NodeTypeProvider.API_VERSION) {
        refusals.add(
            "plugin '"
                + p.id()
                + "' needs plugin API "
                + p.apiVersion()
                + " but this Streamwright has "
                + NodeTypeProvider.API_VERSION
                + "; update Streamwright or use an older build of the plugin");
        continue;
      }
      for (NodeType t : p.nodeTypes()) {
        if (types.containsKey(t.id())) {
          refusals.add(
              "plugin '"
                  + p.id()
                  + "' defines node type '"
                  + t.id()
                  + "' which plugin '"
                  + owner.get(t.id())
                  + "' already defines; the second is ignored");
          continue;
        }
        types.put(t.id(), t);
        owner.put(t.id(), p.id());
      }
    }
    refusals.forEach(r -> LOG.warn("Refused: {}", r));
    return new NodeTypeRegistry(types, owner, refusals);
  }

  /** The node type with this id. */
  public Optional<NodeType> find(String id) {
    return Optional.ofNullable(types.get(id));
  }

  /** The id of the provider (plugin) that contributes the node type with this id. */
  public Optional<String> providerOf(String typeId) {
    return Optional.ofNullable(providers.get(typeId));
  }

  /** All node types, sorted by id. */
  public Collection<NodeType> all() {
    return types.values();
  }

  /** Why plugins or node types were refused, for the plugin list and the log. */
  public List<String> refusals() {
    return refusals;
  }
}
