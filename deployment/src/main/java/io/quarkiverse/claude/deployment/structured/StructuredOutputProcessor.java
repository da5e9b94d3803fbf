package io.quarkiverse.claude.deployment.structured;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.quarkiverse.claude.runtime.structured.StructuredOutputRecorder;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationIndexBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * Structured outputs at build time: finds the types the application passes as class literals to the structured-output
 * methods, derives their schemas (so that none is derived at run time), registers them for reflection (native), and
 * fails the build for a type whose schema the API cannot accept, naming the type, the property and the call.
 */
public class StructuredOutputProcessor {

    private static final List<DotName> API = List.of(DotName.createSimple("io.quarkiverse.claude.ClaudeClient"),
            DotName.createSimple("io.quarkiverse.claude.Messages"));
    private static final String SCHEMAS = "io.quarkiverse.claude.runtime.structured.JsonSchemas";

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void structuredTypes(ApplicationIndexBuildItem application, LaunchModeBuildItem launchMode,
            StructuredOutputRecorder recorder, BuildProducer<ReflectiveClassBuildItem> reflection) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, String> found = new TreeMap<>();
        for (ClassInfo user : users(application.getIndex())) {
            String resource = user.name().toString().replace('.', '/') + ".class";
            try (InputStream bytecode = loader.getResourceAsStream(resource)) {
                if (bytecode != null) {
                    StructuredTypeScanner.scan(bytecode, found);
                }
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> schemas = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> reflective = new ArrayList<>();
        for (Map.Entry<String, String> type : found.entrySet()) {
            List<String> described;
            try {
                described = describe(loader, type.getKey());
            } catch (IllegalArgumentException problem) {
                problems.add(problem.getMessage() + " (passed in " + type.getValue() + ")");
                continue;
            }
            schemas.put(type.getKey(), described.get(0));
            reflective.addAll(described.subList(1, described.size()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The API cannot accept the JSON schema of "
                    + (problems.size() == 1 ? "a structured output type" : problems.size() + " structured output types")
                    + ":\n  " + String.join("\n  ", problems));
        }
        if (!schemas.isEmpty() || launchMode.getLaunchMode() != LaunchMode.NORMAL) {
            // Also when empty in dev and test modes: it replaces an earlier build's schemas, which the runtime's
            // classes, kept across restarts, still hold. A packaged application without structured types records
            // nothing, so that its start loads none of their classes.
            recorder.record(schemas);
        }
        if (!reflective.isEmpty()) {
            reflection.produce(ReflectiveClassBuildItem.builder(reflective.toArray(String[]::new))
                    .constructors().methods().fields().build());
        }
    }

    /** The application's classes that name the client API, so that only they are read. */
    private static Collection<ClassInfo> users(IndexView index) {
        Map<DotName, ClassInfo> users = new LinkedHashMap<>();
        for (DotName api : API) {
            for (ClassInfo user : index.getKnownUsers(api)) {
                users.put(user.name(), user);
            }
        }
        return users.values();
    }

    /**
     * Derives the schema with the runtime's generator as the application's class loader sees it, so that the type,
     * its annotations and Jackson all come from one loader.
     *
     * @return the schema, then the types it describes
     * @throws IllegalArgumentException with the problem's message when the API could not accept the type
     */
    @SuppressWarnings("unchecked")
    private static List<String> describe(ClassLoader loader, String typeName) {
        try {
            Class<?> type = Class.forName(typeName, false, loader);
            Method describe = Class.forName(SCHEMAS, true, loader).getMethod("describe", Class.class);
            return (List<String>) describe.invoke(null, type);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot derive the schema of " + typeName + ": " + e, e);
        }
    }
}
