package kr.dolbom.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import kr.dolbom.platform.security.Caller;
import org.jspecify.annotations.NullMarked;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape every care service keeps, as ArchUnit rules over its production classes:
 *
 * <ul>
 *   <li>rules and domain types (every class that is not a Spring bean, a configuration or a wire record) use no
 *       framework: no Spring, no R2DBC, no Reactor, no HTTP, no validation annotations;
 *   <li>nothing outside a controller speaks HTTP, and a controller never touches the database: only stores
 *       ({@code @Repository}) hold a {@link DatabaseClient};
 *   <li>every handler method of a controller takes the {@link Caller}: no endpoint is written without deciding
 *       who may call it (the authorization matrix test then asks the access policy for its rule);
 *   <li>feature packages have no cycles between them;
 *   <li>every package is {@code @NullMarked}, and {@link Optional} is a return type only, never a field or a
 *       record component.
 * </ul>
 */
public final class ServiceArchitecture {

    /** Records that cross the service's edge (REST bodies and answers) may carry validation and JSON annotations. */
    private static final List<String> WIRE_SUFFIXES =
            List.of("Form", "View", "Answer", "Report", "Request", "Properties");

    private final String basePackage;
    private final JavaClasses classes;

    private ServiceArchitecture(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage);
    }

    /** Checks every rule; a violation fails with ArchUnit's list of offending classes. */
    public void check() {
        assertThat(classes).as("classes of %s", basePackage).isNotEmpty();
        rules().forEach(rule -> rule.check(classes));
        everyPackageIsNullMarked();
    }

    List<ArchRule> rules() {
        return List.of(
                noClasses()
                        .that(are(domain()))
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                "org.springframework..",
                                "io.r2dbc..",
                                "reactor..",
                                "jakarta..",
                                "kr.dolbom.platform.web..",
                                "kr.dolbom.platform.inbox..",
                                "kr.dolbom.platform.outbox..")
                        .as("rules and domain types are free of frameworks"),
                noClasses()
                        .that()
                        .areNotAnnotatedWith(RestController.class)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                "org.springframework.http..", "org.springframework.web..", "kr.dolbom.platform.web..")
                        .as("only controllers speak HTTP"),
                noClasses()
                        .that()
                        .areNotAnnotatedWith(Repository.class)
                        .should()
                        .dependOnClassesThat()
                        .areAssignableTo(DatabaseClient.class)
                        .as("only stores (@Repository) touch the database"),
                methods()
                        .that()
                        .areDeclaredInClassesThat()
                        .areAnnotatedWith(RestController.class)
                        .and()
                        .areMetaAnnotatedWith(RequestMapping.class)
                        .should(takeTheCaller())
                        .as("every endpoint takes the Caller, whom its access rule judges"),
                slices().matching(basePackage + ".(*)..")
                        .should()
                        .beFreeOfCycles()
                        .as("feature packages depend on each other in one direction only"),
                noFields()
                        .should()
                        .haveRawType(Optional.class)
                        .as("Optional is a return type, never a field or a record component"));
    }

    private void everyPackageIsNullMarked() {
        TreeSet<String> unmarked = new TreeSet<>();
        classes.forEach(type -> {
            if (!type.getPackage().isAnnotatedWith(NullMarked.class)) {
                unmarked.add(type.getPackageName());
            }
        });
        assertThat(unmarked).as("packages without a @NullMarked package-info").isEmpty();
    }

    private static ArchCondition<JavaMethod> takeTheCaller() {
        return new ArchCondition<>("take a Caller parameter") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (!method.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Caller.class))) {
                    events.add(SimpleConditionEvent.violated(
                            method, method.getFullName() + " answers a request without knowing who is calling"));
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> domain() {
        return DescribedPredicate.describe(
                "rules and domain types",
                type -> !type.getSimpleName().equals("package-info")
                        // a bean's nested types (a controller's request bodies) are part of it
                        && !outermost(type).isMetaAnnotatedWith(Component.class)
                        && !outermost(type).isMetaAnnotatedWith(Configuration.class)
                        && !type.getSimpleName().endsWith("Application")
                        && WIRE_SUFFIXES.stream()
                                .noneMatch(suffix ->
                                        outermost(type).getSimpleName().endsWith(suffix)));
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static <T> DescribedPredicate<T> are(DescribedPredicate<T> predicate) {
        return predicate;
    }
}
