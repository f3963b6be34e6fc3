// The images of the train-image-folder build (two classes of 8x8 colour PNG images, 40 each, and a file that is not
// an image), written into this build's own images/ folder by that build's script, read from the plugin's sources.
evaluate(new File(basedir, '../../../src/it/train-image-folder/prebuild.groovy'))
