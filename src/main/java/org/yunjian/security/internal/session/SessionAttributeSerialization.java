package org.yunjian.security.internal.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.support.GenericConversionService;

/**
 * How session attributes become bytes in the database (Java serialization, as Spring Session's default) — except
 * that a record that is not {@link Serializable} is written as its class name and component values and rebuilt
 * through its canonical constructor. Pages hand typed input and problem lists to the page after a redirect as
 * flash attributes (stored in the session); many are plain records, and with sessions in the database they must
 * survive the trip to another node without every module having to mark them.
 */
final class SessionAttributeSerialization {

    private SessionAttributeSerialization() {}

    static GenericConversionService conversionService(ClassLoader classLoader) {
        GenericConversionService service = new GenericConversionService();
        service.addConverter(Object.class, byte[].class, SessionAttributeSerialization::serialize);
        service.addConverter(byte[].class, Object.class, bytes -> deserialize(bytes, classLoader));
        return service;
    }

    static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (RecordWritingStream out = new RecordWritingStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException(
                    org.yunjian.shared.Texts.get(
                            "cluster.session.cannotStore", value.getClass().getName(), e),
                    e);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes, ClassLoader classLoader) {
        try (RecordReadingStream in = new RecordReadingStream(new ByteArrayInputStream(bytes), classLoader)) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(org.yunjian.shared.Texts.get("cluster.session.cannotRead", e), e);
        }
    }

    /** A non-serializable record in the stream: its class and its components in declaration order. */
    private record RecordValue(String type, Object[] components) implements Serializable {}

    private static final class RecordWritingStream extends ObjectOutputStream {
        RecordWritingStream(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            if (obj != null && obj.getClass().isRecord() && !(obj instanceof Serializable)) {
                RecordComponent[] parts = obj.getClass().getRecordComponents();
                Object[] values = new Object[parts.length];
                try {
                    for (int i = 0; i < parts.length; i++) {
                        var accessor = parts[i].getAccessor();
                        accessor.setAccessible(true);
                        values[i] = accessor.invoke(obj);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IOException(
                            org.yunjian.shared.Texts.get(
                                    "cluster.session.recordUnreadable",
                                    obj.getClass().getName(),
                                    e),
                            e);
                }
                return new RecordValue(obj.getClass().getName(), values);
            }
            return obj;
        }
    }

    private static final class RecordReadingStream extends ConfigurableObjectInputStream {
        private final ClassLoader classLoader;

        RecordReadingStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in, classLoader);
            this.classLoader = classLoader;
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if (obj instanceof RecordValue r) {
                try {
                    Class<?> type = Class.forName(r.type(), false, classLoader);
                    Class<?>[] parameterTypes = Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new);
                    Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
                    canonical.setAccessible(true);
                    return canonical.newInstance(r.components());
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IOException(
                            org.yunjian.shared.Texts.get("cluster.session.recordNotRebuilt", r.type(), e), e);
                }
            }
            return obj;
        }
    }
}
