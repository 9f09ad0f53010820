/**
 * The raw batch files of the tests, as exact bytes: a BOM, CRLF, quoted delimiters and
 * newlines, ragged records, bad dates in several formats, negative quantities, duplicates,
 * null tokens, and an ERP export in windows-1252 with `;` and decimal commas.
 */

const CRLF = '\r\n'

/** Sales, file 1 of 2: UTF-8 with a byte order mark, CRLF line ends. */
export const salesFile1 = Buffer.from(
  '\uFEFF' +
    [
      'order_id,order_date,country,quantity,unit_price,paid',
      'SO-1, 2026-11-24 ,co,2,10.50,yes',
      'SO-2,24/11/2026,"Bogotá, co",1,5,N',
      `SO-3,2026-11-25,"multi${CRLF}line",3,1.25,`,
      'SO-4,2026/11/24,CO,1,1,y',
      'SO-5,31/02/2026,CO,1,1,y',
      'SO-6,2026-11-26,CO,-3,1,y',
      'SO-7,2026-11-26,CO,1',
      'SO-8,2026-11-26,CO,1,1,y,extra',
      'N/A,2026-11-26,CO,1,1,y',
      'SO-1,2026-12-01,XX,4,2.00,no',
      'SO-9,NULL,CO,1,1,y',
      'SO-10,2026-11-27,CO,1.5,1,y',
      'SO-11,2026-11-27,CO,2,abc,y',
      'SO-12,2026-11-27,CO,2,1,maybe',
      'SO-13,2026-11-27,,,, ',
    ].join(CRLF) +
    CRLF,
  'utf8',
)

/** Sales, file 2 of 2: no BOM, LF, columns in another order; SO-2 again, later in the batch. */
export const salesFile2 = Buffer.from(['quantity,order_id,order_date,country,unit_price,paid', '5,SO-2,2026-11-28,co,3.10,true', '1,SO-14,2026-11-28,co,0,f', ''].join('\n'), 'utf8')

/** windows-1252 bytes of a text whose characters all exist in windows-1252. */
function windows1252(text: string): Buffer {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
  return Buffer.from(
    Array.from(text, (char) => {
      const index = high.indexOf(char)
      if (index >= 0) return 0x80 + index
      const code = char.codePointAt(0) ?? 0
      if (code > 0xff) throw new Error(`${char} is not in windows-1252`)
      return code
    }),
  )
}

/** An ERP export: windows-1252, `;`, decimal commas, German headers, an extra column. */
export const erpFile = windows1252(
  [
    'Auftrag;Kunde;Datum;Menge;Preis;Währung;Notiz',
    'A-0001;Müller GmbH;24.11.2026;1.200;1.234,56;eur;ok',
    'A-0002;Café €uro;25.11.2026;3;0,5;;"a;b"',
    'A-0001;Other;26.11.2026;1;1,00;USD;first one wins',
    'A-0003;X;24.11.2026;2;12,345;GBP;',
    'B-1;X;24.11.2026;1;1,00;EUR;',
    'A-0004;X;2026-11-24;1;1,00;EUR;',
    'A-0005;X;24.11.2026;20.000;1,00;EUR;',
    'A-0006;X;24.11.2026;1,5;1,00;EUR;',
    'A-0007;-;24.11.2026;1;-;EUR;',
    'A-0008;X;24.11.2026;1;2;EUR',
    '',
  ].join('\r\n'),
)
