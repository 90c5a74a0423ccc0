package com.enreach.tools.plugin.vcenter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The inventory tree above hosts and VMs: datacenters, folders and compute resources by moref, each with its name
 * and parent (a few thousand small entries at most). Gives an object's datacenter and the inventory path of the
 * folder it sits in, as govc and the vSphere inventory show it ({@code /Europe/AMS-DC1/vm/Prod}).
 */
final class Folders {
    /** Guards against a parent cycle in a broken answer. */
    private static final int MAX_DEPTH = 64;

    private record Node(String type, String name, String parent) {
    }

    private final String rootFolder;
    private final Map<String, Node> nodes = new HashMap<>();

    /** @param rootFolder the service content's root folder: not in the view, it ends every complete path */
    Folders(String rootFolder) {
        this.rootFolder = rootFolder;
    }

    void add(String type, String moref, String name, String parent) {
        nodes.put(moref, new Node(type, name, parent));
    }

    /** The name of the datacenter above {@code moref} (its parent chain), or null when it cannot be told. */
    String datacenter(String moref) {
        String m = moref;
        for (int depth = 0; m != null && depth < MAX_DEPTH; depth++) {
            Node n = nodes.get(m);
            if (n == null) {
                return null;
            }
            if (n.type().equals("Datacenter")) {
                return n.name();
            }
            m = n.parent();
        }
        return null;
    }

    /**
     * The inventory path of the nearest folder at or above {@code moref} (a host's parent is its compute resource or
     * cluster, whose parent is the folder). Null when a link up to the root folder is missing (not visible to the
     * user): a path with a gap would point somewhere else.
     */
    String folderPath(String moref) {
        String m = moref;
        for (int depth = 0; m != null && depth < MAX_DEPTH; depth++) {
            Node n = nodes.get(m);
            if (n == null) {
                return null;
            }
            if (n.type().equals("Folder")) {
                return path(m);
            }
            m = n.parent();
        }
        return null;
    }

    private String path(String moref) {
        Deque<String> names = new ArrayDeque<>();
        String m = moref;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (m == null || m.equals(rootFolder)) {
                return m == null ? null : "/" + String.join("/", names);
            }
            Node n = nodes.get(m);
            if (n == null) {
                return null;
            }
            names.addFirst(n.name());
            m = n.parent();
        }
        return null;
    }
}
