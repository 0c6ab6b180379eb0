package io.skitai.atila.internal;

import io.pebbletemplates.pebble.error.PebbleException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every message Atila shows a user about a failure, in one place, each with a stable id
 * ({@code SKITAI-Annn}) and written to be acted on: A001.. using the app, A010.. routes, A020..
 * route parameters, A030.. hooks, error handlers and events (all at mount time), A040.. requests
 * (the client sees these), A060.. templates, route names and responses.
 */
public final class Messages {

    private static final Pattern ID = Pattern.compile("^SKITAI-A\\d{3} ");

    private Messages() {}

    // ---- using the app ----

    public static String registerNull() {
        return "SKITAI-A001 register(null): pass a controller instance";
    }

    public static String registerAfterStart(String controller) {
        return "SKITAI-A002 register(" + controller + ") after the app started";
    }

    public static String reloadBeforeStart() {
        return "SKITAI-A003 reload() before the app started";
    }

    public static String eventsBeforeStart() {
        return "SKITAI-A004 events need a started app";
    }

    public static String templatesNullPrefix() {
        return "SKITAI-A005 templates(null): pass a classpath prefix such as \"templates\"";
    }

    public static String templatesNullDirectory() {
        return "SKITAI-A006 templates(null): pass a template directory";
    }

    public static String maintainInterval(Object seconds) {
        return "SKITAI-A007 config maintainInterval must be a positive number of seconds, got '" + seconds + "'";
    }

    // ---- routes (mount time) ----

    public static String noWebSocketMessage(Method method) {
        return "SKITAI-A068 " + method + ": a @WebSocketRoute method needs a message parameter (a String, byte[] or"
                + " the type its encoding decodes into), besides Was, Exchange and WsClient";
    }

    public static String noWebSocketEvent(Method route, String name) {
        return "SKITAI-A069 " + route + ": its websocket event method " + name + " is not a public method of "
                + route.getDeclaringClass().getSimpleName();
    }

    public static String staticRoute(Method method) {
        return "SKITAI-A010 " + method + ": @Route methods must not be static";
    }

    public static String rpcWithoutService(Method method) {
        return "SKITAI-A120 " + method + " is an @RpcMethod, but its class has no @RpcService(\"/path\") saying where to serve it";
    }

    public static String staticRpcMethod(Method method) {
        return "SKITAI-A121 " + method + ": @RpcMethod methods must not be static";
    }

    public static String duplicateRpcMethod(String path, String name, String first, String second) {
        return "SKITAI-A122 two RPC methods named " + name + " at " + path + ": " + first + " and " + second
                + "; give one another name with @RpcMethod(\"name\")";
    }

    public static String rpcServiceWithoutMethods(Class<?> controller) {
        return "SKITAI-A123 " + controller.getName() + " is an @RpcService without @RpcMethod methods";
    }

    public static String reservedRpcName(Method method, String name) {
        return "SKITAI-A124 " + method + ": RPC names starting with \"rpc.\" are reserved by JSON-RPC, got " + name;
    }

    public static String variableNotWholeSegment(String template, String part) {
        return "SKITAI-A011 route '" + template + "': a variable must be a whole segment: '" + part + "'";
    }

    public static String malformedVariable(String template, String part) {
        return "SKITAI-A012 route '" + template + "': malformed variable '" + part + "'";
    }

    public static String unknownVariableType(String template, String type) {
        return "SKITAI-A013 route '" + template + "': unknown variable type '" + type + "' (use str, int, long or path)";
    }

    public static String badVariableName(String template, String name) {
        return "SKITAI-A014 route '" + template + "': variable name '" + name + "' is empty or repeated";
    }

    public static String pathVariableNotLast(String template, String variable) {
        return "SKITAI-A015 route '" + template + "': {" + variable + "} must be the last segment";
    }

    public static String duplicateRoute(String method, String template, Object first, String firstTemplate, Object second) {
        return "SKITAI-A016 two routes for " + method + " " + template + ": " + first + " (as " + firstTemplate + ") and " + second;
    }

    public static String unknownHookMethod(Object endpoint, String role, String name, Class<?> controller) {
        return "SKITAI-A017 " + endpoint + ": " + role + " names '" + name + "', which is not a method of " + controller.getSimpleName();
    }

    public static String notAccessible(String description) {
        return "SKITAI-A018 " + description + " is not accessible: make the controller class and method public";
    }

    /** {@code message} (which starts with an Atila id) told about {@code where}: the id stays first. */
    static String at(Object where, String message) {
        String text = String.valueOf(message);
        if (ID.matcher(text).find()) {
            return text.substring(0, 12) + where + ": " + text.substring(12);
        }
        return where + ": " + text;
    }

    // ---- route parameters (mount time) ----

    public static String twoBodies(String where) {
        return "SKITAI-A020 " + where + ": only one parameter can bind the request body";
    }

    public static String unbindableType(String where, Object type) {
        return "SKITAI-A021 " + where + ": cannot bind a request parameter to " + type
                + " (use String, a primitive or box, an enum, LocalDate, Instant, UUID, BigDecimal, a List of those, or @Body)";
    }

    public static String badDefault(String where, String value, String expected) {
        return "SKITAI-A022 " + where + ": default value '" + value + "' is not " + expected;
    }

    public static String noParameterName(Method method, Parameter p, int index) {
        return "SKITAI-A023 " + method.getDeclaringClass().getName() + "." + method.getName() + ": parameter " + (index + 1)
                + " (" + p.getType().getSimpleName() + " " + p.getName() + ") binds by name, but the class was compiled"
                + " without parameter names: compile it with -parameters (Maven: maven-compiler-plugin"
                + " <parameters>true</parameters>; Gradle: options.compilerArgs << '-parameters'),"
                + " or name it with @Param(\"name\")";
    }

    // ---- hooks, error handlers, events (mount time, and when an event is raised) ----

    public static String hookParameter(String description, String parameter, String role, String allowed, String type) {
        return "SKITAI-A030 " + description + "(" + parameter + "): a " + role + " method takes only " + allowed + ", not " + type;
    }

    public static String secondDefaultErrorHandler(Object hook, Object first) {
        return "SKITAI-A031 " + hook + ": a second default @ErrorHandler (the first is " + first + ")";
    }

    public static String errorHandlerStatus(Object hook, int status) {
        return "SKITAI-A032 " + hook + ": @ErrorHandler status must be 4xx or 5xx, got " + status;
    }

    public static String secondErrorHandler(Object hook, int status, Object first) {
        return "SKITAI-A033 " + hook + ": a second @ErrorHandler for " + status + " (the first is " + first + ")";
    }

    public static String eventArity(String description, int arity, String event, int given) {
        return "SKITAI-A034 " + description + " takes " + arity + " event argument(s), but event '" + event
                + "' was raised with " + given;
    }

    public static String eventArguments(String description, String event, String reason) {
        return "SKITAI-A035 " + description + " cannot take the arguments of event '" + event + "': " + reason;
    }

    public static String threw(String description, Throwable t) {
        return "SKITAI-A036 " + description + " threw " + t;
    }

    // ---- requests: the client reads these ----

    public static String parameterRequired(String name) {
        return "SKITAI-A040 parameter '" + name + "' is required";
    }

    public static String parameterType(String name, String expected, String value) {
        return "SKITAI-A041 parameter '" + name + "' must be " + expected + ", got '" + value + "'";
    }

    public static String fileRequired(String name) {
        return "SKITAI-A042 file '" + name + "' is required (send a multipart/form-data body)";
    }



    public static String formDoesNotFit(String name, String reason) {
        return "SKITAI-A045 form body does not fit parameter '" + name + "': " + reason;
    }

    public static String notJson(String name, String contentType) {
        return "SKITAI-A046 parameter '" + name + "' needs a JSON body, got Content-Type '" + contentType + "'";
    }

    public static String noJsonBody(String name) {
        return "SKITAI-A047 parameter '" + name + "' needs a JSON request body, got none";
    }

    public static String malformedJson(String name, String problem) {
        return "SKITAI-A048 malformed JSON body for parameter '" + name + "': " + problem;
    }

    public static String unreadableJson(String name) {
        return "SKITAI-A049 cannot read the JSON body for parameter '" + name + "'";
    }


    public static String noRoute(String path) {
        return "SKITAI-A051 no route for " + path;
    }

    public static String methodNotAllowed(String method, String allow) {
        return "SKITAI-A052 " + method + " is not allowed here; use " + allow;
    }

    public static String fileNotFound(String name) {
        return "SKITAI-A053 file not found: " + name;
    }

    // ---- authentication and authorisation (A080.. at mount time, A090.. the client reads) ----

    public static String authSetting(String setting, Object value) {
        return "SKITAI-A080 " + setting + " cannot be '" + value + "': see the Javadoc of Authorization.Builder";
    }

    public static String authAfterStart(String setting) {
        return "SKITAI-A081 " + setting + "(..) after the app started: set it before mounting";
    }

    public static String unknownAuthScheme(String route, String scheme) {
        return "SKITAI-A082 " + route + ": @AuthorizationRequired(\"" + scheme + "\") names no scheme; use basic, digest or bearer";
    }

    public static String authorizationMissing(String route, String scheme, String needed) {
        return "SKITAI-A083 " + route + ": @AuthorizationRequired(\"" + scheme + "\") needs app.authorization(Authorization.builder()"
                + needed + ".build())";
    }

    public static String guardHandlerMissing(String route, String annotation, String needed) {
        return "SKITAI-A084 " + route + ": " + annotation + " needs app." + needed;
    }

    public static String testpassMethod(String route, String name, Class<?> controller) {
        return "SKITAI-A085 " + route + ": @TestpassRequired(\"" + name + "\") names no method of " + controller.getSimpleName()
                + " returning a value (a boolean, or what to answer instead)";
    }

    public static String authRequired(String scheme) {
        return "SKITAI-A090 this resource needs " + scheme + " authentication";
    }

    public static String authFailed() {
        return "SKITAI-A091 the credentials were not accepted";
    }

    public static String badAuthorization(String scheme, String problem) {
        return "SKITAI-A092 malformed " + scheme + " Authorization header: " + problem;
    }

    public static String digestRefused(String why) {
        return "SKITAI-A093 Digest credentials refused: " + why;
    }

    public static String staleNonce() {
        return "SKITAI-A094 the nonce expired: retry with the new one (stale=true)";
    }

    public static String replayedNonceCount() {
        return "SKITAI-A095 this nonce count was used before (a replay): retry with the new nonce";
    }

    public static String badToken() {
        return "SKITAI-A096 the bearer token was not accepted";
    }

    public static String testpassFailed() {
        return "SKITAI-A097 this request did not pass the route's test";
    }

    // ---- templates, route names, responses ----

    public static String templateNotFound(String name, TemplateFolder folder) {
        return "SKITAI-A060 template \"" + name + "\" not found in " + folder
                + "; put it there or point the app elsewhere with Atila.templates(..)";
    }

    public static String templateFailed(String name, TemplateFolder folder, PebbleException e) {
        String file = e.getFileName() != null ? e.getFileName() : name;
        String line = e.getLineNumber() != null ? " line " + e.getLineNumber() : "";
        return "SKITAI-A061 template \"" + file + "\"" + line + " (" + folder + ", rendering \"" + name + "\"): " + e.getPebbleMessage();
    }

    public static String templateWriteFailed(String name, TemplateFolder folder) {
        return "SKITAI-A062 template \"" + name + "\" (" + folder + ") could not be written";
    }

    public static String noRouteNamed(String name) {
        return "SKITAI-A063 no route named '" + name + "'";
    }

    public static String ambiguousRouteName(String name, Collection<String> owners) {
        return "SKITAI-A064 route name '" + name + "' is ambiguous: used by " + String.join(" and ", owners)
                + "; use 'Controller.method' or give one of them @Route(name = ...)";
    }

    public static String routeArguments(String name, List<String> variables, int given) {
        return "SKITAI-A065 route '" + name + "' takes " + variables + ", got " + given + " argument(s)";
    }

    public static String responseStatus(int status) {
        return "SKITAI-A066 HTTP status must be 100..599, got " + status;
    }

    public static String streamedWithoutBody() {
        return "SKITAI-A067 Streamed.of needs a body";
    }
}
