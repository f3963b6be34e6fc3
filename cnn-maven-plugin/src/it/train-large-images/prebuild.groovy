// Writes 16,000 small JPEG files in two classes (blue left half, red right half, seeded noise): stretched to the
// model's 224x224 input they decode to 150,528 bytes each, 2.4 GB in all, more than a Java array can hold.
import java.awt.image.BufferedImage
import javax.imageio.ImageIO

def random = new Random(3)
['blue', 'red'].eachWithIndex { name, label ->
    def folder = new File(basedir, "images/${name}")
    folder.mkdirs()
    8000.times { i ->
        def image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB)
        16.times { y ->
            16.times { x ->
                int noise = random.nextInt(60)
                int strong = 170 + random.nextInt(80)
                boolean coloured = (x < 8) == (label == 0)
                int rgb = !coloured ? (noise << 16) | (noise << 8) | noise
                        : label == 0 ? (noise << 16) | (noise << 8) | strong : (strong << 16) | (noise << 8) | noise
                image.setRGB(x, y, rgb)
            }
        }
        ImageIO.write(image, 'jpg', new File(folder, String.format('%04d.jpg', i)))
    }
}
return true
