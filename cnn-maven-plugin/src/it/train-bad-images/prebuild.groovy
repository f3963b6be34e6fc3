// Writes two classes of 8x8 colour PNG images with seeded noise (blue in the left half, red in the right half), two
// unreadable files, and links as DVC and git-annex make them: a file linked from outside the data folder and a class's
// subfolder that is a link to a folder outside it.
import java.awt.image.BufferedImage
import java.nio.file.Files
import javax.imageio.ImageIO

def random = new Random(3)
def image = { int label ->
    def picture = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)
    8.times { y ->
        8.times { x ->
            int noise = random.nextInt(60)
            int strong = 170 + random.nextInt(80)
            boolean coloured = (x < 4) == (label == 0)
            int rgb = !coloured ? (noise << 16) | (noise << 8) | noise
                    : label == 0 ? (noise << 16) | (noise << 8) | strong : (strong << 16) | (noise << 8) | noise
            picture.setRGB(x, y, rgb)
        }
    }
    picture
}
def blue = new File(basedir, 'images/blue')
def red = new File(basedir, 'images/red')
def cache = new File(basedir, 'cache')
[blue, red, new File(cache, 'red-photos')].each { it.mkdirs() }
19.times { i -> ImageIO.write(image(0), 'png', new File(blue, String.format('%03d.png', i))) }
16.times { i -> ImageIO.write(image(1), 'png', new File(red, String.format('%03d.png', i))) }
4.times { i -> ImageIO.write(image(1), 'png', new File(cache, "red-photos/${i}.png")) }
ImageIO.write(image(0), 'png', new File(cache, 'ab12'))
Files.createSymbolicLink(new File(blue, 'linked.png').toPath(), new File('../../cache/ab12').toPath())
Files.createSymbolicLink(new File(red, 'linked').toPath(), new File(cache, 'red-photos').toPath())
new File(blue, 'broken.png').text = 'cut short'
new File(red, 'empty.jpg').bytes = new byte[0]
return true
