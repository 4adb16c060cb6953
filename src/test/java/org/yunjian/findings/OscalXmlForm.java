package org.yunjian.findings;

import gov.nist.secauto.metaschema.core.model.IBoundObject;
import gov.nist.secauto.metaschema.databind.IBindingContext;
import gov.nist.secauto.metaschema.databind.io.Format;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yunjian.support.Scratch;

/** The XML form of an OSCAL JSON document, as NIST's liboscal-java writes it (a tool this project did not write). */
final class OscalXmlForm {

    private OscalXmlForm() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static byte[] of(byte[] json, String name) throws Exception {
        Path dir = Scratch.directory("oscal-xml-form");
        Path file = dir.resolve(name);
        Files.write(file, json);
        IBindingContext context = OscalBindingContext.instance();
        IBoundObject doc = context.newBoundLoader().load(file.toUri());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.newSerializer(Format.XML, (Class) doc.getClass()).serialize(doc, out);
        Files.deleteIfExists(file);
        return out.toByteArray();
    }
}
