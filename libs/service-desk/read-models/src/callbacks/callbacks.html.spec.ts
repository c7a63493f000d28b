import { callbacksHtml } from './callbacks.html';

describe('callback list page', () => {
  it('SD-11 prints overdue windows first and escapes what it prints', () => {
    const html = callbacksHtml(
      [
        { projectId: 'p-1', projectName: 'Pumps <A&B>', customerId: 'c-1', deliveredOn: '2025-01-15', windowIndex: 3, kind: 'monthly', startsOn: '2025-03-15', endsBefore: '2025-04-15', status: 'due' },
        { projectId: 'p-2', projectName: 'SCADA', customerId: 'c-2', deliveredOn: '2024-01-15', windowIndex: 13, kind: 'quarterly', startsOn: '2025-01-15', endsBefore: '2025-04-15', status: 'overdue' },
      ],
      '2025-03-20',
    );
    expect(html).toContain('Pumps &lt;A&amp;B&gt;');
    expect(html).not.toContain('<A&B>');
    expect(html.indexOf('SCADA')).toBeLessThan(html.indexOf('Pumps'));
    expect(html).toContain('2 window(s) due or overdue, 1 overdue');
  });
});
