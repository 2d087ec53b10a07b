/**
 * A publication as a Word document, built from the same ProseMirror JSON as the HTML with the `docx`
 * package: headings, paragraphs with bold/italic/underline/strike/code and links, bullet and numbered
 * lists (nested), block quotes, code blocks, horizontal rules and tables. Every text goes through
 * withoutXmlInvalid: the `docx` package drops C0 controls but writes U+FFFE, U+FFFF and lone surrogates
 * as they are, and Word will not open a file holding one (a version stored before the text was cleaned
 * on the way in, or a title, can still carry them).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx'
import { safeHref, withoutXmlInvalid as xmlText } from '../../domain/content-rules.ts'
import type { PMNode } from '../../domain/document-content.ts'

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]

function runs(nodes: PMNode[] = []): ParagraphChild[] {
  return nodes.map((n) => {
    if (n.type === 'hardBreak') return new TextRun({ text: '', break: 1 })
    const marks = new Set((n.marks ?? []).map((m) => m.type))
    const run = new TextRun({
      text: xmlText(n.text ?? ''),
      bold: marks.has('bold'),
      italics: marks.has('italic'),
      underline: marks.has('underline') ? {} : undefined,
      strike: marks.has('strike'),
      font: marks.has('code') ? 'Courier New' : undefined,
      style: marks.has('link') ? 'Hyperlink' : undefined,
    })
    const link = n.marks?.find((m) => m.type === 'link')
    const href = safeHref(link?.attrs?.href)
    return href ? new ExternalHyperlink({ link: href, children: [run] }) : run
  })
}

interface Context {
  list?: { reference: 'bullets' | 'numbers'; level: number }
  quote?: boolean
}

function blocks(node: PMNode, ctx: Context = {}): Array<Paragraph | Table> {
  const content = node.content ?? []
  switch (node.type) {
    case 'doc':
      return content.flatMap((n) => blocks(n, ctx))
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[Math.min(6, Number(node.attrs?.level ?? 1)) - 1], children: runs(content) })]
    case 'paragraph':
      return [
        new Paragraph({
          children: runs(content),
          ...(ctx.list && { numbering: { reference: ctx.list.reference, level: ctx.list.level } }),
          ...(ctx.quote && { indent: { left: 720 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } } }),
        }),
      ]
    case 'bulletList':
    case 'orderedList': {
      const level = ctx.list ? ctx.list.level + 1 : 0
      const reference = node.type === 'bulletList' ? 'bullets' : 'numbers'
      return content.flatMap((item) => (item.content ?? []).flatMap((child, i) => blocks(child, i === 0 ? { ...ctx, list: { reference, level } } : { ...ctx, list: undefined })))
    }
    case 'blockquote':
      return content.flatMap((n) => blocks(n, { ...ctx, quote: true }))
    case 'codeBlock':
      return [new Paragraph({ children: [new TextRun({ text: xmlText(content.map((t) => t.text ?? '').join('')), font: 'Courier New' })] })]
    case 'horizontalRule':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })]
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: content.map(
            (row) =>
              new TableRow({
                children: (row.content ?? []).map(
                  (cell) =>
                    new TableCell({
                      children: (cell.content ?? []).flatMap((n) => blocks(n)).filter((b): b is Paragraph => b instanceof Paragraph),
                      columnSpan: Number(cell.attrs?.colspan ?? 1),
                    }),
                ),
              }),
          ),
        }),
      ]
    default:
      return content.flatMap((n) => blocks(n, ctx))
  }
}

const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (i: number) => string) =>
  Array.from({ length: 6 }, (_, i) => ({ level: i, format, text: text(i), alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720 * (i + 1), hanging: 360 } } } }))

export async function toDocx(p: { title: string; subtitle: string; json: PMNode; footer: string }): Promise<Buffer> {
  const doc = new Document({
    title: xmlText(p.title),
    creator: 'Consensus Hub',
    numbering: {
      config: [
        { reference: 'bullets', levels: levels(LevelFormat.BULLET, (i) => ['•', '◦', '▪'][i % 3]) },
        { reference: 'numbers', levels: levels(LevelFormat.DECIMAL, (i) => `%${i + 1}.`) },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlText(p.title))] }),
          new Paragraph({ children: [new TextRun({ text: xmlText(p.subtitle), italics: true })] }),
          ...blocks(p.json),
          new Paragraph({ children: [new TextRun({ text: xmlText(p.footer), size: 16, color: '666666' })] }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
