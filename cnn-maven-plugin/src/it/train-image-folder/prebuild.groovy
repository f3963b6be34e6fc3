// Writes two classes of 8x8 colour PNG images with seeded noise: blue in the left half, red in the right half,
// and one file that is not an image.
import java.awt.image.BufferedImage
import javax.imageio.ImageIO

def random = new Random(3)
['blue', 'red'].eachWithIndex { name, label ->
    def folder = new File(basedir, "images/${name}")
    folder.mkdirs()
    40.times { i ->
        def image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)
        8.times { y ->
            8.times { x ->
                int noise = random.nextInt(60)
                int strong = 170 + random.nextInt(80)
                boolean coloured = (x < 4) == (label == 0)
                int rgb = !coloured ? (noise << 16) | (noise << 8) | noise
                        : label == 0 ? (noise << 16) | (noise << 8) | strong : (strong << 16) | (noise << 8) | noise
                image.setRGB(x, y, rgb)
            }
        }
        ImageIO.write(image, 'png', new File(folder, String.format('%03d.png', i)))
    }
}
new File(basedir, 'images/red/notes.txt').text = 'not an image'
return true
