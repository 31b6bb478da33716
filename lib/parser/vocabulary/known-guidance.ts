/**
 * Guidance documents decisions cite often, with the ways they are written: the table both
 * extract-guidance (to name them) and sentence-words (to find the sentences that may) read.
 */

export interface KnownGuidance {
  title: string;
  /** Lower case, straight quotes; matched as whole words. */
  aliases: readonly string[];
  /** For titles whose words are also ordinary prose: match only as capitalised. */
  exactCase?: boolean;
}

export const KNOWN_GUIDANCE: readonly KnownGuidance[] = [
  { title: 'Working Together to Safeguard Children', aliases: ['working together to safeguard children'] },
  // The full title runs on ("...: Social Care Complaints and Representations for Children,
  // Young People and Others"); both are the same document.
  { title: 'Getting the Best from Complaints', aliases: ['getting the best from complaints'] },
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
  },
  {
    title: 'SEND Code of Practice',
    aliases: [
      'send code of practice',
      'special educational needs and disability code of practice',
      'special educational needs and disability (send) code of practice',
      'sen and disability code of practice',
    ],
  },
  { title: 'Guidance on Remedies', aliases: ['guidance on remedies'] },
  {
    title: 'Homelessness Code of Guidance for Local Authorities',
    aliases: ['homelessness code of guidance', 'statutory guidance on homelessness'],
  },
  { title: 'Guidance on Good Practice', aliases: ['Guidance on Good Practice'], exactCase: true },
  { title: 'Principles of Good Administrative Practice', aliases: ['principles of good administrative practice'] },
  { title: 'Effective Complaint Handling for Local Authorities', aliases: ['effective complaint handling for local authorities'] },
  { title: 'School Admissions Code', aliases: ['school admissions code'] },
  { title: 'School Admission Appeals Code', aliases: ['school admission appeals code'] },
  {
    title: 'Home to School Travel and Transport Guidance',
    aliases: ['home to school travel and transport guidance', 'home-to-school travel and transport guidance'],
  },
  {
    title: 'Mental Capacity Act Code of Practice',
    aliases: ['mental capacity act code of practice', 'mental capacity act 2005 code of practice'],
  },
  {
    title: 'Mental Health Act Code of Practice',
    aliases: ['mental health act code of practice', 'mental health act 1983 code of practice'],
  },
];
