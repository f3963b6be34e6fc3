"""DJL's parameter format (parameters.params), read and written for the network of model.py.

The file is what DJL's SequentialBlock.saveParameters writes: per block a version byte, its metadata (input shapes
and, for linear and batchnorm, their sizes) and its parameters as NDArrays, big-endian framing around little-endian
float32 data. Written by cnn:export; do not edit.
"""
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

    blocks is model.DJL_BLOCKS: per layer (kind, input shape without the batch, module index or None)."""
    layers = network.layers
    first = blocks[0][1]
    out = b"\x03" + _shapes([batch_size] + list(first)) + b"\x00"
    for kind, shape, index in blocks:
        batch_shape = [batch_size] + list(shape)
        module = layers[index] if index is not None else None
        if kind == "conv2d":
            out += b"\x03" + _shapes(batch_shape) + _array("weight", module.weight)
            if module.bias is not None:
                out += _array("bias", module.bias)
        elif kind == "linear":
            out += (b"\x04" + struct.pack(">q", module.out_features) + struct.pack(">q", module.in_features)
                    + _shape(batch_shape[:-1]) + _array("weight", module.weight) + _array("bias", module.bias))
        elif kind == "batchnorm":
            out += (b"\x02" + _shapes(batch_shape) + struct.pack(">q", shape[0])
                    + _array("gamma", module.weight) + _array("beta", module.bias)
                    + _array("runningMean", module.running_mean) + _array("runningVar", module.running_var))
        elif kind == "lambda" or kind == "dropout":
            out += b"\x02" + _shapes(batch_shape)
        else:
            raise FormatError("no DJL block for layer kind " + kind)
    return out


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
    layers = network.layers
    for number, (kind, shape, index) in enumerate(blocks, start=1):
        module = layers[index] if index is not None else None
        what = "layer %d (%s)" % (number, kind)
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
            reader.version(2, what)
            reader.shapes()
            reader.int64()
            _put(source, module.weight, reader.array("gamma"), what + " gamma")
            _put(source, module.bias, reader.array("beta"), what + " beta")
            _put(source, module.running_mean, reader.array("runningMean"), what + " runningMean")
            _put(source, module.running_var, reader.array("runningVar"), what + " runningVar")
        else:
            reader.version(2, what)
            reader.shapes()
    if reader.at != len(data):
        raise FormatError("%s has %d bytes after the last layer; it was written for another network"
                          % (source, len(data) - reader.at))
