package org.yunjian;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * For the server only: a stop request — Ctrl-C (SIGINT) or SIGTERM from {@code kill}, systemd or
 * {@code spring-boot:run} — is the normal end of the server, so the JVM exits 0 after its shutdown hooks
 * (graceful web shutdown, database close) instead of 130/143, which {@code ./mvnw spring-boot:run} reports as
 * BUILD FAILURE. The CLI keeps the default: an interrupted command must not look successful. A signal the
 * process was started with ignored (nohup, a background job) stays ignored, as the JVM itself does.
 * {@code sun.misc.Signal} (module jdk.unsupported) is reached reflectively so the build needs no internal API.
 */
final class StopSignals {

    private StopSignals() {}

    static void exitNormally() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object ignore = handlerType.getField("SIG_IGN").get(null);
            Method handle = signal.getMethod("handle", signal, handlerType);
            Object exitZero = Proxy.newProxyInstance(
                    StopSignals.class.getClassLoader(), new Class<?>[] {handlerType}, (proxy, method, args) -> {
                        if ("handle".equals(method.getName())) {
                            System.exit(0);
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            case "toString" -> "exit 0";
                            default -> null;
                        };
                    });
            for (String name : new String[] {"INT", "TERM"}) {
                Object sig = signal.getConstructor(String.class).newInstance(name);
                if (handle.invoke(null, sig, exitZero) == ignore) {
                    handle.invoke(null, sig, ignore);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // no such signal on this platform, or reserved by the VM (-Xrs): keep the JVM's default
        }
    }
}
