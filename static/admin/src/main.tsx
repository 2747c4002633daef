// Entry point of the admin page's Custom UI bundle: mounts the App.
import { mountApp } from '../../shared/mount';
import { App } from './App';

void mountApp(<App />);
