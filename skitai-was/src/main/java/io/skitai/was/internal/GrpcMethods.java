package io.skitai.was.internal;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a gRPC method by service and method name for a protobuf request, as Python's
 * {@code stub.SayHello(request)} does: the service is looked up in the request's {@code .proto}
 * file (and the files it imports), and its {@code <Service>Grpc} class, which protoc's gRPC plugin
 * always generates in the file's Java package, gives the method descriptor. Found methods are
 * remembered.
 */
final class GrpcMethods {

    private static final Map<String, MethodDescriptor<?, ?>> FOUND = new ConcurrentHashMap<>();

    private GrpcMethods() {}

    /**
     * The method {@code service/method} whose request type is that of {@code request}.
     *
     * @throws IllegalArgumentException when the service or the method is not found
     */
    static MethodDescriptor<?, ?> find(String service, String method, Message request) {
        String key = service + "/" + method + " " + request.getClass().getName();
        MethodDescriptor<?, ?> found = FOUND.get(key);
        if (found == null) {
            found = lookUp(service, method, request);
            FOUND.put(key, found);
        }
        return found;
    }

    private static MethodDescriptor<?, ?> lookUp(String service, String method, Message request) {
        Descriptors.FileDescriptor origin = request.getDescriptorForType().getFile();
        Descriptors.FileDescriptor file = fileOf(service, origin, new java.util.HashSet<>());
        if (file == null) {
            throw new IllegalArgumentException(Messages.grpcServiceNotFound(service, origin.getName(),
                    "neither it nor the files it imports define the service"));
        }
        String simpleName = service.substring(service.lastIndexOf('.') + 1);
        String javaPackage = file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
        String className = (javaPackage.isEmpty() ? "" : javaPackage + ".") + simpleName + "Grpc";
        ServiceDescriptor descriptor;
        try {
            Class<?> grpcClass = Class.forName(className, true, request.getClass().getClassLoader());
            descriptor = (ServiceDescriptor) grpcClass.getMethod("getServiceDescriptor").invoke(null);
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalArgumentException(Messages.grpcServiceNotFound(service, file.getName(),
                    "no generated class " + className + ": " + e), e);
        }
        String fullName = MethodDescriptor.generateFullMethodName(service, method);
        for (MethodDescriptor<?, ?> m : descriptor.getMethods()) {
            if (m.getFullMethodName().equals(fullName)) {
                return m;
            }
        }
        throw new IllegalArgumentException(Messages.grpcMethodNotFound(service, method,
                descriptor.getMethods().stream().map(MethodDescriptor::getBareMethodName).sorted().toList()));
    }

    /** The file among {@code file} and its imports that defines {@code service}, or {@code null}. */
    private static Descriptors.FileDescriptor fileOf(String service, Descriptors.FileDescriptor file,
            java.util.Set<String> seen) {
        if (!seen.add(file.getName())) {
            return null;
        }
        for (Descriptors.ServiceDescriptor s : file.getServices()) {
            if (s.getFullName().equals(service)) {
                return file;
            }
        }
        for (Descriptors.FileDescriptor dependency : file.getDependencies()) {
            Descriptors.FileDescriptor found = fileOf(service, dependency, seen);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
