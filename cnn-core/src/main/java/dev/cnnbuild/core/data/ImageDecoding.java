package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;

/**
 * What decoding every image of a listing once takes: the files, the shape they are fitted to and how, the threads
 * that decode them, who hears of the unreadable ones, and the progress to advance. {@link DecodedCache#open} decodes
 * them into the cache; {@link DecodingImageStore#readable} decodes them to leave the unreadable ones out.
 *
 * <pre>{@code
 * ImageDecoding decoding = new ImageDecoding(
 *         listing, new InputShape(3, 224, 224), ResizeMode.CROP, 2, new BadImages(BadImagePolicy.SKIP), Progress.NONE);
 * ImageListing readable = DecodingImageStore.readable(decoding);
 * }</pre>
 *
 * @param listing the image files and their classes
 * @param input the model's input shape
 * @param resize how images of another size are fitted
 * @param workers decoding threads, at least 1
 * @param badImages fails on an unreadable file, or records it as skipped
 * @param progress advanced after each decoded file, and finished when all are
 */
public record ImageDecoding(
        ImageListing listing,
        InputShape input,
        ResizeMode resize,
        int workers,
        BadImages badImages,
        Progress progress) {}
