#@ ij.ImagePlus imp
#@ Long (label = "x", value = -1) x
#@ Long (label = "y", value = -1) y
#@ Long (label = "z", value = -1) z
#@ Double (label = "Export scale (4: 300 dpi)", value = 4, min = 0.1, max = 64) scale
#@ Boolean (label = "Scale bar", value = false) scaleBar
#@ File (label = "Export to (directory, .png or .tif)", style = "save", required = false) export
#@output ij.ImagePlus figure

// ImageArray: vIQA's three orthogonal slices of a stack (negative indices count from the end),
// with the stack's voxel size, shown when there is a display, and exported when asked at the scale
// given, lines and text drawn at that resolution.
import io.github.imagearray.bridge.ImagePlusImgs
import io.github.imagearray.display.FigureFiles
import io.github.imagearray.display.SliceFigure
import java.awt.GraphicsEnvironment

voxel = ImagePlusImgs.voxelSize(imp)
style = new SliceFigure().voxelSize(voxel.size()).unit(voxel.unit()).scaleBar(scaleBar)
volume = ImagePlusImgs.wrap(imp)
figure = style.render(volume, imp.title, x, y, z)
if (export != null) println "Wrote ${FigureFiles.export(style.renderAtScale(volume, imp.title, scale, x, y, z), export.toPath())}"
if (!GraphicsEnvironment.headless) figure.show()
