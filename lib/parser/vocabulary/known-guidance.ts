/**
 * Guidance documents decisions cite often, with the ways they are written: the table both
 * extract-guidance (to name them) and sentence-words (to find the sentences that may) read.
 * Every row has an example sentence (from the seeds or the corpus where one cites it, else in
 * the decisions' own wording); test/lib/vocabulary-rows.test.ts runs each through the parser (with the
 * word gate) and checks the row's title is read from it.
 */

export interface KnownGuidance {
  title: string;
  /** Lower case, straight quotes; matched as whole words. */
  aliases: readonly string[];
  /** For titles whose words are also ordinary prose: match only as capitalised. */
  exactCase?: boolean;
  example: string;
}

export const KNOWN_GUIDANCE: readonly KnownGuidance[] = [
  {
    title: 'Working Together to Safeguard Children',
    aliases: ['working together to safeguard children'],
    example: 'The statutory guidance on child safeguarding, ‘Working together to safeguard children’.',
  },
  // The full title runs on ("...: Social Care Complaints and Representations for Children,
  // Young People and Others"); both are the same document.
  {
    title: 'Getting the Best from Complaints',
    aliases: ['getting the best from complaints'],
    example:
      '‘Getting the Best from Complaints’ explains that local authorities have discretion to use the procedure where they receive complaints from adults “that relate to a child or young person but not made on their behalf”.',
  },
  {
    title: 'Care and Support Statutory Guidance',
    aliases: [
      'care and support statutory guidance',
      'care act statutory guidance',
      'care act 2014 statutory guidance',
      'statutory guidance to the care act',
      'statutory guidance for the care act',
      'statutory guidance on the care act',
    ],
    example: 'The Care and Support Statutory Guidance says a council should carry out a financial assessment before it charges for care.',
  },
  {
    title: 'SEND Code of Practice',
    aliases: [
      'send code of practice',
      'special educational needs and disability code of practice',
      'special educational needs and disability (send) code of practice',
      'sen and disability code of practice',
    ],
    example: 'The SEND Code of Practice says the council must issue the final plan within 20 weeks of the request for an assessment.',
  },
  {
    title: 'Guidance on Remedies',
    aliases: ['guidance on remedies'],
    example: 'I considered the Ombudsman’s Assessment Code and Guidance on Remedies.',
  },
  {
    title: 'Homelessness Code of Guidance for Local Authorities',
    aliases: ['homelessness code of guidance', 'statutory guidance on homelessness'],
    example: 'The Homelessness Code of Guidance for Local Authorities says councils should act quickly.',
  },
  {
    title: 'Guidance on Good Practice',
    aliases: ['Guidance on Good Practice'],
    exactCase: true,
    example: 'The Ombudsman’s Guidance on Good Practice on record keeping says councils should note the reasons for their decisions.',
  },
  {
    title: 'Principles of Good Administrative Practice',
    aliases: ['principles of good administrative practice'],
    example: 'Our Principles of Good Administrative Practice say councils should keep proper records of their decisions.',
  },
  {
    title: 'Effective Complaint Handling for Local Authorities',
    aliases: ['effective complaint handling for local authorities'],
    example: 'Our guidance, Effective Complaint Handling for Local Authorities, says councils should respond to complaints promptly.',
  },
  {
    title: 'School Admissions Code',
    aliases: ['school admissions code'],
    example: 'The School Admissions Code says admission authorities must set out their oversubscription criteria clearly.',
  },
  {
    title: 'School Admission Appeals Code',
    aliases: ['school admission appeals code'],
    example: 'The School Admission Appeals Code says the panel must consider whether the admission arrangements were correctly applied.',
  },
  {
    title: 'Home to School Travel and Transport Guidance',
    aliases: ['home to school travel and transport guidance', 'home-to-school travel and transport guidance'],
    example: 'The Home to School Travel and Transport Guidance says councils should review their policies regularly.',
  },
  {
    title: 'Mental Capacity Act Code of Practice',
    aliases: ['mental capacity act code of practice', 'mental capacity act 2005 code of practice'],
    example:
      'The Mental Capacity Act Code of Practice says a person must be assumed to have capacity unless it is established that they lack it.',
  },
  {
    title: 'Mental Health Act Code of Practice',
    aliases: ['mental health act code of practice', 'mental health act 1983 code of practice'],
    example: 'The Mental Health Act Code of Practice says aftercare planning should start as soon as a patient is admitted.',
  },
];
