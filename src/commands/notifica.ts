// Entry of notifica.html, the notification dialog of the ribbon command.
import { startNoticePage } from "./noticePage";

startNoticePage();
