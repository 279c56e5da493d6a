export const MAIN_CONTENT_ID = 'contenido';
