/**
 * The library in a tab of its own (`library.html`): the same app as the popup, where long work
 * happens. A tab is not closed by the system file dialog (Firefox closes an extension's popup when
 * it opens, Bugzilla 1292701) nor by a click elsewhere, so backups are exported and imported here.
 */
import { render } from 'preact';
import '../../components/sidebar.css';
import '../popup/popup.css';
import { PopupApp } from '../popup/PopupApp';

render(<PopupApp place="tab" />, document.getElementById('app')!);
