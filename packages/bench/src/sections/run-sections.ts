import type { ReportSection } from '../report/types.ts';
import type { SectionContext, SectionProvider } from './index.ts';

/**
 * Measures each section in turn. One that fails (no Chromium on the machine, say) is reported as not
 * measured, with its reason, and the run goes on: the figures measured before it are not thrown away.
 */
export async function runSections(
  providers: readonly SectionProvider[],
  context: SectionContext,
  log: (line: string) => void,
): Promise<ReportSection[]> {
  const sections: ReportSection[] = [];
  for (const provider of providers) {
    log(`${provider.title} …`);
    try {
      sections.push({ title: provider.title, ...(await provider.measure(context)) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`  ${provider.title}: not measured: ${reason}`);
      sections.push({
        title: provider.title,
        markdown: `Not measured: ${reason}`,
        data: { measured: false, error: reason },
      });
    }
  }
  return sections;
}
