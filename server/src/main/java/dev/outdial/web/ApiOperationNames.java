package dev.outdial.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Names the API's operations after their handler: its method name where no other API handler has
 * it ({@code listOfCampaign}), else the method name and the resource its controller serves
 * ({@code createHotline}, {@code listBlacklist}), and for an overload the path's variables. The names stay as long as the code does, never
 * {@code list9}; tags are the resources ({@code Campaign customer}).
 */
@Component
class ApiOperationNames {

    private final ApplicationContext context;
    private volatile Map<String, String> ids;

    ApiOperationNames(ApplicationContext context) {
        this.context = context;
    }

    String operationId(HandlerMethod handler) {
        return ids().getOrDefault(keyOf(handler), handler.getMethod().getName() + resourceOf(handler.getBeanType()));
    }

    /** A camel-case name in words: {@code listOfCampaign} is "List of campaign". */
    static String summaryOf(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A controller's resource in words: {@code CampaignCustomerController} is "Campaign customer". */
    static String tagOf(Class<?> controller) {
        String resource = resourceOf(controller);
        return summaryOf(resource.isEmpty() ? controller.getSimpleName() : resource);
    }

    private static String resourceOf(Class<?> controller) {
        return controller.getSimpleName().replaceFirst("(Api)?Controller$", "");
    }

    private Map<String, String> ids() {
        Map<String, String> known = ids;
        if (known == null) {
            known = namesOf(apiHandlers());
            ids = known;
        }
        return known;
    }

    /** Each API handler with its first {@code /api/} path. */
    private Map<HandlerMethod, String> apiHandlers() {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Map<HandlerMethod, String> handlers = new LinkedHashMap<>();
        mapping.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/")).sorted().findFirst()
                .ifPresent(path -> handlers.putIfAbsent(handler, path)));
        return handlers;
    }

    /**
     * The method name; if another API handler has it, with the controller's resource; if that is
     * still shared (an overloaded method), with the path's variables ({@code previewContactFilterById}).
     */
    private static Map<String, String> namesOf(Map<HandlerMethod, String> handlers) {
        Map<String, Long> methodUses = count(handlers.keySet().stream().map(handler -> handler.getMethod().getName()));
        Map<String, Long> resourceUses = count(handlers.keySet().stream()
                .map(handler -> handler.getMethod().getName() + resourceOf(handler.getBeanType())));
        Map<String, String> names = new HashMap<>();
        handlers.forEach((handler, path) -> {
            String method = handler.getMethod().getName();
            String withResource = method + resourceOf(handler.getBeanType());
            String name = methodUses.get(method) == 1 ? method
                    : resourceUses.get(withResource) == 1 || !path.contains("{") ? withResource
                    : withResource + "By" + variablesOf(path);
            names.put(keyOf(handler), name);
        });
        return names;
    }

    private static Map<String, Long> count(Stream<String> names) {
        return names.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** {@code /api/v1/campaigns/{campaignId}/calls/{id}} gives {@code CampaignIdAndId}. */
    private static String variablesOf(String path) {
        List<String> variables = new ArrayList<>();
        Matcher variable = Pattern.compile("\\{(\\w+)").matcher(path);
        while (variable.find()) {
            variables.add(Character.toUpperCase(variable.group(1).charAt(0)) + variable.group(1).substring(1));
        }
        return String.join("And", variables);
    }

    /** The handler's controller and method: one method serves two controllers when they share a base class. */
    private static String keyOf(HandlerMethod handler) {
        return handler.getBeanType().getName() + "#" + handler.getMethod().toGenericString();
    }
}
