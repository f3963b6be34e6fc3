package dev.cnnbuild.core.data;

import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import java.util.Optional;

/**
 * An {@link ImageStore} that decodes each image from its file whenever it is read: the data with the decoded cache
 * turned off ({@code data.cache: false}). Nothing is kept but the listing, so memory does not grow with the data;
 * every epoch decodes every file again, on the workers that prepare the batches.
 *
 * <pre>{@code
 * ImageStore train = new DecodingImageStore(listing, new InputShape(3, 224, 224), ResizeMode.CROP);
 * }</pre>
 *
 * @param listing the image files and their classes
 * @param input the model's input shape
 * @param resize how images of another size are fitted
 */
public record DecodingImageStore(ImageListing listing, InputShape input, ResizeMode resize) implements ImageStore {

    @Override
    public int count() {
        return listing.files().size();
    }

    @Override
    public int channels() {
        return input.channels();
    }

    @Override
    public int height() {
        return input.height();
    }

    @Override
    public int width() {
        return input.width();
    }

    @Override
    public int label(int index) {
        return listing.files().get(index).label();
    }

    @Override
    public Optional<String> fileName(int index) {
        return Optional.of(listing.files().get(index).key());
    }

    @Override
    public void read(int index, byte[] target, int offset) throws DatasetException {
        byte[] image = ImageDecoder.decode(listing.files().get(index).file(), input, resize);
        System.arraycopy(image, 0, target, offset, image.length);
    }
}
