#@ ij.ImagePlus imp
#@ Long (label = "x", value = -1) x
#@ Long (label = "y", value = -1) y
#@ Long (label = "z", value = -1) z
#@ File (label = "Export to (directory or .png)", style = "save", required = false) export
#@output ij.ImagePlus figure

// ImageArray: vIQA's three orthogonal slices of a stack (negative indices count from the end),
// with the stack's voxel size, shown when there is a display and exported as PNG when asked.
import io.github.imagearray.bridge.ImagePlusImgs
import io.github.imagearray.display.SliceFigure
import java.awt.GraphicsEnvironment

figure = new SliceFigure()
	.voxelSize(ImagePlusImgs.voxelSize(imp).size())
	.render(ImagePlusImgs.wrap(imp), imp.title, x, y, z)
if (export != null) println "Wrote ${SliceFigure.export(figure, export.toPath())}"
if (!GraphicsEnvironment.headless) figure.show()
