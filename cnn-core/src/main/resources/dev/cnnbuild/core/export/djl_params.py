"""DJL's parameter format (parameters.params), read and written for the network of model.py.

The file is what DJL's SequentialBlock.saveParameters writes: per block a version byte, its metadata (input shapes
and, for linear and batchnorm, their sizes) and its parameters as NDArrays, big-endian framing around little-endian
float32 data. Written by cnn:export; do not edit.
"""
import io
import struct

import numpy as np
import torch


class FormatError(Exception):
    pass


def _shape(dims):
    out = struct.pack(">i", len(dims)) + b"".join(struct.pack(">q", int(d)) for d in dims)
    return out + struct.pack(">i", len(dims)) + b"\x00?" * len(dims)


def _shapes(dims):
    return struct.pack(">i", 1) + _shape(dims)


def _utf(text):
    data = text.encode("utf-8")
    return struct.pack(">H", len(data)) + data


def _array(name, tensor):
    values = tensor.detach().to("cpu", torch.float32).contiguous().numpy().astype("<f4")
    data = values.tobytes()
    return (b"\x00P" + b"\x01" + _utf(name) + _utf("NDAR") + struct.pack(">i", 3) + b"\x01" + _utf(name)
            + _utf("DENSE") + _utf("FLOAT32") + _shape(values.shape) + b"<" + struct.pack(">i", len(data)) + data)


def encode(network, blocks, batch_size):
    """Returns the bytes of parameters.params for the network's current parameters.

    blocks is model.DJL_BLOCKS: per layer (kind, input shape without the batch, module index), and for a residual
    block its layers' entries and whether it projects, for a repeat its layers' entries."""
    first = blocks[0][1]
    return b"\x03" + _shapes([batch_size] + list(first)) + b"\x00" + _encode_all(network.layers, blocks, batch_size)


def _encode_all(layers, blocks, batch_size):
    return b"".join(_encode_one(layers[entry[2]], entry, batch_size) for entry in blocks)


def _encode_one(module, entry, batch_size):
    kind, shape = entry[0], entry[1]
    batch_shape = [batch_size] + list(shape)
    if kind == "conv2d":
        out = b"\x03" + _shapes(batch_shape) + _array("weight", module.weight)
        if module.bias is not None:
            out += _array("bias", module.bias)
        return out
    if kind == "linear":
        return (b"\x04" + struct.pack(">q", module.out_features) + struct.pack(">q", module.in_features)
                + _shape(batch_shape[:-1]) + _array("weight", module.weight) + _array("bias", module.bias))
    if kind == "batchnorm":
        return _batchnorm(module, batch_shape)
    if kind == "lambda" or kind == "dropout":
        return b"\x02" + _shapes(batch_shape)
    if kind == "torchscript":
        archive = _archive(module)
        return b"\x01\x01" + struct.pack(">q", len(archive)) + archive
    if kind == "repeat":
        return b"\x03" + _shapes(batch_shape) + b"\x00" + _encode_all(module, entry[3], batch_size)
    if kind == "residual":
        out = (b"\x02" + _shapes(batch_shape) + b"\x03" + _shapes(batch_shape) + b"\x00"
               + _encode_all(module.layers, entry[3], batch_size))
        if not entry[4]:
            return out + b"\x02" + _shapes(batch_shape)
        conv, norm = module.shortcut[0], module.shortcut[1]
        stride = conv.stride[0]
        projected = [batch_size, conv.out_channels, (shape[1] - 1) // stride + 1, (shape[2] - 1) // stride + 1]
        return (out + b"\x03" + _shapes(batch_shape) + b"\x00" + b"\x03" + _shapes(batch_shape)
                + _array("weight", conv.weight) + _batchnorm(norm, projected))
    raise FormatError("no DJL block for layer kind " + kind)


def _state(module):
    return {name: value.detach().to("cpu").clone() for name, value in module.module.state_dict().items()}


def _archive(module):
    """The module as cnn:train saves a PtSymbolBlock: its TorchScript archive. The bytes read from parameters.params
    are kept while the module's state is unchanged, since a new torch.jit.save writes another archive (its own
    serialization id and code) for the same module."""
    read = getattr(module, "djl_archive", None)
    if read is not None:
        state = _state(module)
        if state.keys() == read[1].keys() and all(torch.equal(state[k], read[1][k]) for k in state):
            return read[0]
    out = io.BytesIO()
    torch.jit.save(module.module, out)
    return out.getvalue()


def _batchnorm(module, batch_shape):
    return (b"\x02" + _shapes(batch_shape) + struct.pack(">q", batch_shape[1])
            + _array("gamma", module.weight) + _array("beta", module.bias)
            + _array("runningMean", module.running_mean) + _array("runningVar", module.running_var))


class _Reader:
    def __init__(self, data, source):
        self.data, self.at, self.source = data, 0, source

    def take(self, n):
        if self.at + n > len(self.data):
            raise FormatError("%s ends at byte %d, inside a block; the file is truncated or was written for"
                              " another network" % (self.source, len(self.data)))
        chunk = self.data[self.at:self.at + n]
        self.at += n
        return chunk

    def byte(self):
        return self.take(1)[0]

    def int32(self):
        return struct.unpack(">i", self.take(4))[0]

    def int64(self):
        return struct.unpack(">q", self.take(8))[0]

    def utf(self):
        return self.take(struct.unpack(">H", self.take(2))[0]).decode("utf-8")

    def shape(self):
        dims = [self.int64() for _ in range(self.int32())]
        self.take(2 * self.int32())
        return dims

    def shapes(self):
        return [self.shape() for _ in range(self.int32())]

    def version(self, expected, what):
        got = self.byte()
        if got != expected:
            raise FormatError("%s: %s block has version %d at byte %d, expected %d; the file does not hold the"
                              " network of model.py" % (self.source, what, got, self.at - 1, expected))

    def array(self, name):
        if self.take(2) != b"\x00P" or self.byte() != 1 or self.utf() != name:
            raise FormatError("%s: parameter '%s' expected at byte %d; the file does not hold the network of"
                              " model.py" % (self.source, name, self.at))
        if self.utf() != "NDAR" or self.int32() != 3:
            raise FormatError("%s: parameter '%s' is not an NDArray of version 3" % (self.source, name))
        if self.byte() == 1:
            self.utf()
        self.utf()
        if self.utf() != "FLOAT32":
            raise FormatError("%s: parameter '%s' is not float32" % (self.source, name))
        dims = self.shape()
        order = self.take(1)
        data = self.take(self.int32())
        values = np.frombuffer(data, dtype=">f4" if order == b">" else "<f4").astype(np.float32)
        return torch.from_numpy(values.reshape(dims).copy())


def _put(source, parameter, value, what):
    if tuple(parameter.shape) != tuple(value.shape):
        raise FormatError("%s: %s has shape %s, but model.py's has %s; the file does not hold this network"
                          % (source, what, list(value.shape), list(parameter.shape)))
    with torch.no_grad():
        parameter.copy_(value)


def decode(data, network, blocks, source="parameters.params"):
    """Loads parameters.params bytes into the network (model.Network) in place."""
    reader = _Reader(data, source)
    reader.version(3, "the sequential")
    reader.shapes()
    reader.byte()
    _decode_all(reader, network.layers, blocks, "layer ")
    if reader.at != len(data):
        raise FormatError("%s has %d bytes after the last layer; it was written for another network"
                          % (source, len(data) - reader.at))


def _decode_all(reader, layers, blocks, prefix):
    for number, entry in enumerate(blocks, start=1):
        _decode_one(reader, layers[entry[2]], entry, "%s%d" % (prefix, number))


def _decode_one(reader, module, entry, number):
    kind, source = entry[0], reader.source
    what = "%s (%s)" % (number, kind)
    if kind == "conv2d":
        reader.version(3, what)
        reader.shapes()
        _put(source, module.weight, reader.array("weight"), what + " weight")
        if module.bias is not None:
            _put(source, module.bias, reader.array("bias"), what + " bias")
    elif kind == "linear":
        reader.version(4, what)
        reader.int64()
        reader.int64()
        reader.shape()
        _put(source, module.weight, reader.array("weight"), what + " weight")
        _put(source, module.bias, reader.array("bias"), what + " bias")
    elif kind == "batchnorm":
        _decode_batchnorm(reader, module, what)
    elif kind == "torchscript":
        reader.version(1, what)
        reader.version(1, what + " module")
        archive = reader.take(reader.int64())
        try:
            loaded = torch.jit.load(io.BytesIO(archive), map_location="cpu")
        except RuntimeError as e:
            raise FormatError("%s: %s holds no TorchScript archive that torch %s can load (%s)"
                              % (source, what, torch.__version__, str(e).splitlines()[0] if str(e) else e))
        module.replace(loaded)
        module.djl_archive = (archive, _state(module))
    elif kind == "repeat":
        reader.version(3, what)
        reader.shapes()
        reader.byte()
        _decode_all(reader, module, entry[3], number + ".")
    elif kind == "residual":
        reader.version(2, what)
        reader.shapes()
        reader.version(3, what + " layers")
        reader.shapes()
        reader.byte()
        _decode_all(reader, module.layers, entry[3], number + ".")
        if entry[4]:
            reader.version(3, what + " shortcut")
            reader.shapes()
            reader.byte()
            reader.version(3, what + " shortcut conv2d")
            reader.shapes()
            _put(source, module.shortcut[0].weight, reader.array("weight"), what + " shortcut weight")
            _decode_batchnorm(reader, module.shortcut[1], what + " shortcut batchnorm")
        else:
            reader.version(2, what + " shortcut")
            reader.shapes()
    else:
        reader.version(2, what)
        reader.shapes()


def _decode_batchnorm(reader, module, what):
    source = reader.source
    reader.version(2, what)
    reader.shapes()
    reader.int64()
    _put(source, module.weight, reader.array("gamma"), what + " gamma")
    _put(source, module.bias, reader.array("beta"), what + " beta")
    _put(source, module.running_mean, reader.array("runningMean"), what + " runningMean")
    _put(source, module.running_var, reader.array("runningVar"), what + " runningVar")
