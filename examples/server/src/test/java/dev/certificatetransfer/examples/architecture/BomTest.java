package dev.certificatetransfer.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The BOM (bom/pom.xml) has no parent, so nothing keeps it in step by itself: it must have the parent's version and
 * name every library module (core with its contract-test jar, and each adapters-* module), at that version.
 */
class BomTest {

    private static final Path ROOT = root();

    @Test
    void the_bom_names_every_library_module_at_the_parents_version() throws Exception {
        var parent = pom(ROOT.resolve("pom.xml"));
        var bom = pom(ROOT.resolve("bom/pom.xml"));
        var version = child(parent, "version");
        assertThat(child(bom, "version")).isEqualTo(version);

        var managed = new ArrayList<String>();
        var dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            var dependency = (Element) dependencies.item(i);
            assertThat(child(dependency, "version")).isEqualTo(version);
            var type = dependency.getElementsByTagName("type");
            managed.add(
                    child(dependency, "artifactId") + (type.getLength() == 0 ? "" : ":" + child(dependency, "type")));
        }

        var expected = new ArrayList<>(List.of("certificate-transfer-core", "certificate-transfer-core:test-jar"));
        expected.addAll(libraryModules());
        assertThat(managed).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The artifactId of each adapters-* module at the top. */
    private static List<String> libraryModules() throws Exception {
        try (Stream<Path> top = Files.list(ROOT)) {
            var modules = new ArrayList<String>();
            for (var dir : top.filter(dir -> dir.getFileName().toString().startsWith("adapters-"))
                    .filter(dir -> Files.exists(dir.resolve("pom.xml")))
                    .toList()) {
                modules.add(child(pom(dir.resolve("pom.xml")), "artifactId"));
            }
            assertThat(modules).as("adapters-* modules").isNotEmpty();
            return modules;
        }
    }

    private static Element pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(file.toFile())
                .getDocumentElement();
    }

    /** The text of an element's own child of that name (not one of a parent element's). */
    private static String child(Element element, String name) {
        var children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        throw new AssertionError(element.getTagName() + " has no " + name);
    }

    private static Path root() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bom/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    new IOException("no bom/pom.xml above " + Path.of("").toAbsolutePath()));
        }
        return dir;
    }
}
