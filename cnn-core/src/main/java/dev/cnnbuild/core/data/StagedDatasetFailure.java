package dev.cnnbuild.core.data;

import java.io.IOException;

/**
 * Carries a {@link DatasetException} out of a staging writer ({@link dev.cnnbuild.core.files.AtomicFiles#writeFile}),
 * which may throw only {@link IOException}; the caller catches it and throws {@link #failure()}, so the user reads the
 * data's own error.
 *
 * <pre>{@code
 * try {
 *     AtomicFiles.writeFile(file, staging -> write(staging));   // write throws new StagedDatasetFailure(bad)
 * } catch (StagedDatasetFailure e) {
 *     throw e.failure();
 * }
 * }</pre>
 */
final class StagedDatasetFailure extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient DatasetException failure;

    StagedDatasetFailure(DatasetException failure) {
        super(failure.getMessage());
        this.failure = failure;
    }

    /** Returns the data's error. */
    DatasetException failure() {
        return failure;
    }
}
