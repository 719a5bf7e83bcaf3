package dev.certificatetransfer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import org.junit.jupiter.api.Test;

import javax.lang.model.element.Modifier;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the compiler's doclint (configured in core/pom.xml) does not check in core's Javadoc: JDK 17's doclint asks
 * for no {@code @param} of a record's components, nor knows whether a link into docs/behaviour.md names a section
 * that exists or whether a comment cites a document the repository does not hold. And doclint checks only the
 * packages core/pom.xml names, which must be the exported ones. The check for cited documents reads the SQL,
 * properties and XML resources of every module too.
 */
class JavadocTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path TESTS = Path.of("src/test/java");
    private static final Path BEHAVIOUR = Path.of("../docs/behaviour.md");
    private static final Path REPOSITORY = Path.of("..");
    private static final List<String> RESOURCE_KINDS = List.of(".sql", ".properties", ".xml");

    @Test
    void doclint_checks_exactly_the_exported_packages() {
        var pom = read(Path.of("pom.xml"));
        var matcher = Pattern.compile("<doclint\\.packages>([^<]*)</doclint\\.packages>")
                .matcher(pom);
        assertThat(matcher.find()).as("core/pom.xml sets doclint.packages").isTrue();
        assertThat(new TreeSet<>(List.of(matcher.group(1).split(",")))).isEqualTo(exportedPackages());
    }

    @Test
    void every_public_record_of_an_exported_package_documents_each_component() throws IOException {
        var compiler = ToolProvider.getSystemJavaCompiler();
        try (var files = compiler.getStandardFileManager(null, null, null)) {
            var task = (JavacTask) compiler.getTask(
                    null, files, null, null, null, files.getJavaFileObjectsFromPaths(javaFiles(exportedPackages())));
            var docs = DocTrees.instance(task);
            var undocumented = new ArrayList<String>();
            for (CompilationUnitTree unit : task.parse()) {
                new RecordScanner(docs, undocumented).scan(unit, null);
            }
            assertThat(undocumented).as("record components without @param").isEmpty();
        }
    }

    @Test
    void every_link_into_behaviour_md_names_a_section_that_exists() {
        var behaviour = read(BEHAVIOUR);
        var broken = new ArrayList<String>();
        var sections = Pattern.compile("behaviour\\.md,? sections? (\\d+)(?:(?: and| to|,) (\\d+))?");
        var quoted = Pattern.compile("behaviour\\.md,(?: section \\d+,)? \"([^\"]+)\"");
        var anchored = Pattern.compile("behaviour\\.md#([\\w-]+)");
        var anchors = new TreeSet<String>();
        for (var heading = Pattern.compile("\n#+ (.+)").matcher(behaviour); heading.find(); ) {
            anchors.add(heading.group(1)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9 _-]", "")
                    .replace(' ', '-'));
        }
        for (var file : allJavaFiles()) {
            var text = commentText(read(file));
            for (var m = sections.matcher(text); m.find(); ) {
                for (int group = 1; group <= 2; group++) {
                    if (m.group(group) != null && !behaviour.contains("\n## " + m.group(group) + ". ")) {
                        broken.add(file + ": section " + m.group(group));
                    }
                }
            }
            for (var m = anchored.matcher(text); m.find(); ) {
                if (!anchors.contains(m.group(1))) {
                    broken.add(file + ": #" + m.group(1));
                }
            }
            for (var m = quoted.matcher(text); m.find(); ) {
                if (!Pattern.compile("\n#+ (\\d+\\. )?" + Pattern.quote(m.group(1)) + "\n")
                        .matcher(behaviour)
                        .find()) {
                    broken.add(file + ": \"" + m.group(1) + "\"");
                }
            }
        }
        assertThat(broken)
                .as("links to sections that behaviour.md does not have")
                .isEmpty();
    }

    @Test
    void no_comment_cites_a_document_outside_the_repository() {
        var outside = Pattern.compile(
                "spec section|\\.\\./shared|STYLE\\.md|aws-wire-facts|certificate-transfer\\.md",
                Pattern.CASE_INSENSITIVE);
        var resources = mainResources();
        assertThat(resources)
                .as("SQL, properties and XML resources found under %s", REPOSITORY.toAbsolutePath())
                .isNotEmpty();
        var citing = Stream.concat(allJavaFiles().stream(), resources.stream())
                .filter(file -> !file.endsWith(Path.of("JavadocTest.java")))
                .filter(file -> outside.matcher(read(file)).find())
                .toList();
        assertThat(citing).isEmpty();
    }

    /** Collects the public records whose Javadoc lacks an {@code @param} for a component or type parameter. */
    private static final class RecordScanner extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final List<String> undocumented;
        private boolean inInterface;

        RecordScanner(DocTrees docs, List<String> undocumented) {
            this.docs = docs;
            this.undocumented = undocumented;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            boolean outer = inInterface;
            if (type.getKind() == Tree.Kind.RECORD
                    && (type.getModifiers().getFlags().contains(Modifier.PUBLIC) || inInterface)) {
                var documented = documentedParams();
                type.getTypeParameters().stream()
                        .map(t -> "<" + t.getName() + ">")
                        .filter(name -> !documented.contains(name))
                        .forEach(name -> undocumented.add(type.getSimpleName() + " " + name));
                type.getMembers().stream()
                        .filter(member -> member instanceof VariableTree field
                                && !field.getModifiers().getFlags().contains(Modifier.STATIC))
                        .map(member -> ((VariableTree) member).getName().toString())
                        .filter(name -> !documented.contains(name))
                        .forEach(name -> undocumented.add(type.getSimpleName() + " " + name));
            }
            inInterface = type.getKind() == Tree.Kind.INTERFACE;
            super.visitClass(type, null);
            inInterface = outer;
            return null;
        }

        private Set<String> documentedParams() {
            var comment = docs.getDocCommentTree(getCurrentPath());
            if (comment == null) {
                return Set.of();
            }
            return comment.getBlockTags().stream()
                    .filter(tag -> tag.getKind() == DocTree.Kind.PARAM)
                    .map(tag -> (ParamTree) tag)
                    .map(param -> param.isTypeParameter()
                            ? "<" + param.getName() + ">"
                            : param.getName().toString())
                    .collect(Collectors.toSet());
        }
    }

    private static Set<String> exportedPackages() {
        var exports = Pattern.compile("exports ([\\w.]+);").matcher(read(SOURCES.resolve("module-info.java")));
        var packages = new TreeSet<String>();
        while (exports.find()) {
            packages.add(exports.group(1));
        }
        return packages;
    }

    private static List<Path> javaFiles(Set<String> packages) {
        var files = new ArrayList<Path>();
        for (var name : packages) {
            try (Stream<Path> inPackage = Files.list(SOURCES.resolve(name.replace('.', '/')))) {
                inPackage.filter(file -> file.toString().endsWith(".java")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The Java sources and tests of every module of the repository, examples included. */
    private static List<Path> allJavaFiles() {
        try (Stream<Path> roots =
                Files.find(REPOSITORY, 5, (dir, attributes) -> dir.endsWith(SOURCES) || dir.endsWith(TESTS))) {
            return roots.filter(dir -> !dir.toString().contains("/target/"))
                    .flatMap(JavadocTest::walk)
                    .filter(file -> file.toString().endsWith(".java"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SQL, properties and XML files under the src/main/resources of every module, examples' included. */
    private static List<Path> mainResources() {
        var resources = Path.of("src", "main", "resources");
        try (Stream<Path> roots = Files.find(REPOSITORY, 5, (dir, attributes) -> dir.endsWith(resources))) {
            return roots.flatMap(JavadocTest::walk)
                    .filter(file -> RESOURCE_KINDS.stream()
                            .anyMatch(kind -> file.toString().endsWith(kind)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source with comment line breaks joined, so that a link wrapped over two lines reads as one. */
    private static String commentText(String source) {
        return source.replaceAll("\\s*\n\\s*(\\*(?!/)|//)?\\s*", " ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
