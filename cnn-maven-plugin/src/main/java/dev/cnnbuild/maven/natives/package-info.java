/**
 * Which PyTorch natives the forked JVM gets: the machine's platform and NVIDIA GPUs are looked at cheaply, a
 * native artifact is chosen for them (or as the {@code natives} parameter says), and Maven's own resolver fetches
 * it, so that repositories, mirrors and {@code -o} apply as to any dependency.
 *
 * <pre>{@code
 * NativesSelection chosen = NativesSelector.select(NativesChoice.parse("auto"), Platform.current(),
 *         NvidiaGpus.detect(HostProbe.local()), NativesVersions.bundled());
 * File jar = resolver.resolve(chosen.coordinates());
 * }</pre>
 */
package dev.cnnbuild.maven.natives;
