// Writes two classes of 8x8 grey PNG images and one file that is cut short.
import java.awt.image.BufferedImage
import javax.imageio.ImageIO

['blue', 'red'].each { name ->
    def folder = new File(basedir, "images/${name}")
    folder.mkdirs()
    8.times { i -> ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), 'png', new File(folder, "${i}.png")) }
}
new File(basedir, 'images/red/3.png').text = 'cut short'
return true
