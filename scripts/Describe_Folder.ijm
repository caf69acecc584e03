// ImageArray: statistics of every TIFF image in a folder, one row per file, saved as one CSV
// (imagearray.csv in that folder). Run from the menu, or in batch mode with the folder as
// argument: ImageJ -batch Describe_Folder.ijm /path/to/folder
requires("1.52a");
folder = getArgument();
if (folder == "") folder = getDirectory("Folder of images");
if (!endsWith(folder, File.separator)) folder = folder + File.separator;
table = "ImageArray Statistics";
if (isOpen(table)) Table.reset(table);
setBatchMode(true);
files = getFileList(folder);
for (i = 0; i < files.length; i++) {
	name = toLowerCase(files[i]);
	if (endsWith(name, ".tif") || endsWith(name, ".tiff")) {
		open(folder + files[i]);
		run("ImageArray Statistics...", "bins=0");
		close();
	}
}
Table.save(folder + "imagearray.csv", table);
print("ImageArray: " + Table.size(table) + " images described in " + folder + "imagearray.csv");
