package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Test fixture: the public types of one module, for the tests that pin each library's API to a
 * checked-in list, so that a type becomes API (or stops being one) only on purpose. A type counts
 * when it is public, or a public or protected member type of a type that counts.
 */
public final class PublicTypes {
    private PublicTypes() {
    }

    /**
     * The canonical names, sorted, of the types that count in the classes directory or jar
     * {@code anchor} was loaded from (a module's {@code target/classes}, or its jar when the test
     * runs after packaging), leaving out the packages named in {@code excludedPackages} and their
     * subpackages.
     */
    public static List<String> of(Class<?> anchor, String... excludedPackages) throws IOException {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(location)) {
            return of(location, anchor.getClassLoader(), excludedPackages);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return of(jar.getPath("/"), anchor.getClassLoader(), excludedPackages);
        }
    }

    private static List<String> of(Path root, ClassLoader loader, String... excludedPackages) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = root.relativize(file).toString();
                if (!relative.endsWith(".class") || relative.endsWith("package-info.class")
                        || relative.endsWith("module-info.class")) {
                    continue;
                }
                if (relative.startsWith("META-INF")) {
                    continue;
                }
                String binaryName = relative.substring(0, relative.length() - ".class".length())
                        .replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = load(binaryName, loader);
                if (counts(type) && !excluded(type.getPackageName(), excludedPackages)) {
                    names.add(type.getCanonicalName());
                }
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Fails unless the public types of {@code anchor}'s module, less {@code excludedPackages}, are
     * exactly those listed in the resource {@code listing} next to {@code test} (one canonical name a
     * line; blank lines and lines starting with {@code #} are skipped); the failure names what was
     * added and what removed, and prints the whole list to paste when the change is meant.
     */
    public static void assertMatches(Class<?> test, String listing, Class<?> anchor, String... excludedPackages)
            throws IOException {
        List<String> actual = of(anchor, excludedPackages);
        List<String> expected = read(test, listing);
        List<String> added = new ArrayList<>(actual);
        added.removeAll(expected);
        List<String> removed = new ArrayList<>(expected);
        removed.removeAll(actual);
        if (!added.isEmpty() || !removed.isEmpty()) {
            fail("the public API changed; if that is meant, update %s next to %s.%n"
                    + "new public types: %s%nno longer public: %s%nthe whole list:%n%s",
                    listing, test.getSimpleName(), added, removed, String.join(System.lineSeparator(), actual));
        }
    }

    private static List<String> read(Class<?> test, String listing) throws IOException {
        try (InputStream in = test.getResourceAsStream(listing)) {
            if (in == null) {
                throw new IOException("no resource " + listing + " next to " + test.getName());
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    private static Class<?> load(String binaryName, ClassLoader loader) throws IOException {
        try {
            return Class.forName(binaryName, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IOException("cannot load " + binaryName, e);
        }
    }

    private static boolean counts(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        Class<?> enclosing = type.getDeclaringClass();
        if (enclosing == null) {
            return Modifier.isPublic(type.getModifiers());
        }
        return (Modifier.isPublic(type.getModifiers()) || Modifier.isProtected(type.getModifiers()))
                && counts(enclosing);
    }

    private static boolean excluded(String packageName, String... excludedPackages) {
        for (String excluded : excludedPackages) {
            if (packageName.equals(excluded) || packageName.startsWith(excluded + ".")) {
                return true;
            }
        }
        return false;
    }
}
