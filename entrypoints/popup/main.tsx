/**
 * The toolbar popup: the saved-cases library. WXT makes this folder's
 * index.html the action popup (`popup.html` in the build).
 */
import { render } from 'preact';
// Shared colour variables (with the dark scheme), badges, buttons and the focus
// ring first; the popup's own layout second.
import '../../components/sidebar.css';
import './popup.css';
import { PopupApp } from './PopupApp';

render(<PopupApp />, document.getElementById('app')!);
