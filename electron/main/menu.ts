// Application menu with the usual roles and shortcuts; app actions are sent to the renderer as commands.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNEL } from '../../shared/ipc/contract.ts';

export function buildMenu(getWindow: () => BrowserWindow | null, onImport: () => void): Menu {
  const send = (command: string) => () => getWindow()?.webContents.send(EVENT_CHANNEL, { event: 'app:command', payload: { command } });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: onImport },
        { label: 'Import Folder…', click: send('library:import-folder') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Library', accelerator: 'CmdOrCtrl+1', click: send('view:library') },
        { label: 'Reader', accelerator: 'CmdOrCtrl+2', click: send('view:reader') },
        { label: 'Toggle Dark Mode', accelerator: 'CmdOrCtrl+Shift+D', click: send('theme:toggle') },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
