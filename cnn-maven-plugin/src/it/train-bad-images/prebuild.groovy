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
def blue = new File(basedir, 'images/train/blue')
def red = new File(basedir, 'images/train/red')
def cache = new File(basedir, 'cache')
def test = new File(basedir, 'images/test')
[blue, red, new File(cache, 'red-photos'), new File(test, 'blue'), new File(test, 'red')].each { it.mkdirs() }
15.times { i -> ImageIO.write(image(0), 'png', new File(blue, String.format('%03d.png', i))) }
12.times { i -> ImageIO.write(image(1), 'png', new File(red, String.format('%03d.png', i))) }
4.times { i -> ImageIO.write(image(1), 'png', new File(cache, "red-photos/${i}.png")) }
ImageIO.write(image(0), 'png', new File(cache, 'ab12'))
5.times { i -> ImageIO.write(image(0), 'png', new File(test, "blue/${i}.png")) }
5.times { i -> ImageIO.write(image(1), 'png', new File(test, "red/${i}.png")) }
Files.createSymbolicLink(new File(blue, 'linked.png').toPath(), new File('../../../cache/ab12').toPath())
Files.createSymbolicLink(new File(red, 'linked').toPath(), new File(cache, 'red-photos').toPath())
new File(blue, 'broken.png').text = 'cut short'
new File(red, 'empty.jpg').bytes = new byte[0]
new File(test, 'blue/bad.jpg').bytes = [0xFF, 0xD8, 0xFF] as byte[]
return true
