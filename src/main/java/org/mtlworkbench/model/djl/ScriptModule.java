package org.mtlworkbench.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mtlworkbench.numeric.DjlDevices;

/**
 * A TorchScript module compiled by libtorch from source text kept in the project, with no Python anywhere: the
 * archive that {@code torch.jit.load} reads (a zip of the class's code, a pickled instance and an empty constants
 * table) is written here in memory. Its methods run many tensor ops in one call from the JVM: inside libtorch's
 * interpreter an op costs a few microseconds, through DJL's JNI one call per op (a Java object and a manager entry
 * for every result) about three times that (decision 0036).
 *
 * <p>The class must be a {@code Module} with no parameters or buffers whose methods take and return tensors and
 * lists of numbers; see {@code VmtlStep.torchscript}.
 */
public final class ScriptModule implements AutoCloseable {

    /** The serialisation format version written; libtorch 2.5 reads 1 to 9 (8: no operator upgraders apply). */
    private static final String FORMAT_VERSION = "8\n";

    private final PtSymbolBlock block;
    private final NDManager manager;

    private ScriptModule(PtSymbolBlock block, NDManager manager) {
        this.block = block;
        this.manager = manager;
    }

    /**
     * Compiles {@code className} from the class path resource {@code resource} (relative to {@code anchor}'s
     * package).
     *
     * @throws IllegalStateException if the resource is missing or libtorch rejects the code (with its message)
     */
    public static ScriptModule fromResource(Class<?> anchor, String resource, String className) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("TorchScript source not found: " + resource);
            }
            return compile(className, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code source}, which defines {@code class className(Module)}, at top level of {@code __torch__}. */
    public static ScriptModule compile(String className, String source) {
        NDManager manager = DjlDevices.engine().newBaseManager();
        try {
            byte[] archive = archive(className, source);
            PtSymbolBlock block = JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(archive),
                    false, false);
            return new ScriptModule(block, manager);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw new IllegalStateException("libtorch could not compile TorchScript class " + className + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code method} on tensors and argument values; the results come back as arrays of {@code into}. Every
     * native value made for the call is released before it returns.
     */
    public NDArray[] run(String method, NDManager into, Object... arguments) {
        IValue[] in = new IValue[arguments.length];
        try {
            for (int i = 0; i < arguments.length; i++) {
                in[i] = value(arguments[i]);
            }
            try (IValue out = IValueUtils.runMethod(block, method, in)) {
                if (out.isTuple()) {
                    IValue[] parts = out.toIValueTuple();
                    NDArray[] result = new NDArray[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        result[i] = parts[i].toTensor((PtNDManager) into);
                        parts[i].close();
                    }
                    return result;
                }
                return new NDArray[] {out.toTensor((PtNDManager) into)};
            }
        } finally {
            for (IValue v : in) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }

    private static IValue value(Object o) {
        if (o instanceof PtNDArray a) {
            return IValue.from(a);
        } else if (o instanceof long[] l) {
            return IValue.listFrom(l);
        } else if (o instanceof boolean[] b) {
            return IValue.listFrom(b);
        } else if (o instanceof double[] d) {
            return IValue.listFrom(d);
        }
        throw new IllegalArgumentException("not a TorchScript argument: " + o);
    }

    @Override
    public void close() {
        block.close();
        manager.close();
    }

    /** The archive {@code torch.jit.load} reads, for a parameterless module class. */
    static byte[] archive(String className, String source) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "archive/version", FORMAT_VERSION.getBytes(StandardCharsets.US_ASCII));
            put(zip, "archive/data.pkl", pickledInstance(className));
            put(zip, "archive/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // an empty tuple
            put(zip, "archive/code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** Pickle protocol 2 of {@code __torch__.className()} with the one attribute {@code training = True}. */
    private static byte[] pickledInstance(String className) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x80); // PROTO 2
        o.write(2);
        o.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        o.write(')'); // EMPTY_TUPLE
        o.write(0x81); // NEWOBJ
        o.write('}'); // EMPTY_DICT
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        o.write('X'); // BINUNICODE, 4-byte little-endian length
        o.write(key.length);
        o.write(0);
        o.write(0);
        o.write(0);
        o.writeBytes(key);
        o.write(0x88); // NEWTRUE
        o.write('s'); // SETITEM
        o.write('b'); // BUILD
        o.write('.'); // STOP
        return o.toByteArray();
    }

    /** Stored (uncompressed) entries, as torch.jit.save writes them. */
    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }
}
