/** A Fun template.yml document with one service `s` holding the given functions (resource name → resource). */
export function funTemplate(functions: Record<string, unknown>): Record<string, unknown> {
  return {
    ROSTemplateFormatVersion: '2015-09-01',
    Transform: 'Aliyun::Serverless-2018-04-03',
    Resources: { s: { Type: 'Aliyun::Serverless::Service', ...functions } },
  };
}
