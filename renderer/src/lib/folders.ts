// Dropped folders: the browser hands over file-system entries, walked here into files with the path
// the user dropped (folder/sub/file.pdf), so the import can name every file it reads or skips.
import type { FolderFile } from '../stores/library';

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every entry of a folder: readEntries returns at most about 100 at a time, so it is called until empty. */
async function childrenOf(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

export async function filesOfEntries(entries: FileSystemEntry[]): Promise<FolderFile[]> {
  const out: FolderFile[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    const path = entry.fullPath.replace(/^\//, '') || entry.name;
    if (entry.isFile) out.push({ file: await fileOf(entry as FileSystemFileEntry), path });
    else if (entry.isDirectory) {
      const children = (await childrenOf(entry as FileSystemDirectoryEntry)).sort((a, b) => a.name.localeCompare(b.name));
      for (const child of children) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}
