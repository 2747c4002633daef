import { mountApp } from '../../shared/mount';
import { App } from './App';

void mountApp(<App />);
