/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jln-import-private.h"

/* The 40 principles of the European Charter for Researchers and the Code of
 * Conduct for their Recruitment, as an imported plan links its actions to them. */
const JlnImportPrinciple _jln_import_principles[JLN_IMPORT_N_PRINCIPLES] = {
  { 1, "ethics", "Liberté de recherche", "Research freedom" },
  { 2, "ethics", "Principes éthiques", "Ethical principles" },
  { 3, "ethics", "Responsabilité professionnelle", "Professional responsibility" },
  { 4, "ethics", "Attitude professionnelle", "Professional attitude" },
  { 5, "ethics", "Obligations contractuelles et légales", "Contractual and legal obligations" },
  { 6, "ethics", "Responsabilité financière", "Accountability" },
  { 7, "ethics", "Bonnes pratiques dans la recherche", "Good practice in research" },
  { 8, "ethics", "Diffusion et exploitation des résultats", "Dissemination, exploitation of results" },
  { 9, "ethics", "Engagement public", "Public engagement" },
  { 10, "ethics", "Non-discrimination", "Non discrimination" },
  { 11, "ethics", "Systèmes d'évaluation", "Evaluation/appraisal systems" },
  { 12, "recruitment", "Recrutement", "Recruitment" },
  { 13, "recruitment", "Recrutement (Code)", "Recruitment (Code)" },
  { 14, "recruitment", "Sélection (Code)", "Selection (Code)" },
  { 15, "recruitment", "Transparence (Code)", "Transparency (Code)" },
  { 16, "recruitment", "Évaluation du mérite (Code)", "Judging merit (Code)" },
  { 17, "recruitment", "Variations dans l'ordre chronologique des CV (Code)", "Variations in the chronological order of CVs (Code)" },
  { 18, "recruitment", "Reconnaissance de l'expérience de mobilité (Code)", "Recognition of mobility experience (Code)" },
  { 19, "recruitment", "Reconnaissance des qualifications (Code)", "Recognition of qualifications (Code)" },
  { 20, "recruitment", "Ancienneté (Code)", "Seniority (Code)" },
  { 21, "recruitment", "Nominations postdoctorales (Code)", "Postdoctoral appointments (Code)" },
  { 22, "conditions", "Reconnaissance de la profession", "Recognition of the profession" },
  { 23, "conditions", "Environnement de recherche", "Research environment" },
  { 24, "conditions", "Conditions de travail", "Working conditions" },
  { 25, "conditions", "Stabilité et continuité de l'emploi", "Stability and permanence of employment" },
  { 26, "conditions", "Financement et salaires", "Funding and salaries" },
  { 27, "conditions", "Équilibre entre les sexes", "Gender balance" },
  { 28, "conditions", "Développement de carrière", "Career development" },
  { 29, "conditions", "Valeur de la mobilité", "Value of mobility" },
  { 30, "conditions", "Accès à l'orientation professionnelle", "Access to career advice" },
  { 31, "conditions", "Droits de propriété intellectuelle", "Intellectual Property Rights" },
  { 32, "conditions", "Qualité de co-auteur", "Co-authorship" },
  { 33, "conditions", "Enseignement", "Teaching" },
  { 34, "conditions", "Plaintes/recours", "Complaints/appeals" },
  { 35, "conditions", "Participation aux organes de décision", "Participation in decision-making bodies" },
  { 36, "training", "Relation avec les directeurs de thèse/stage", "Relation with supervisors" },
  { 37, "training", "Obligations de supervision et de gestion", "Supervision and managerial duties" },
  { 38, "training", "Développement professionnel continu", "Continuing Professional Development" },
  { 39, "training", "Accès à la formation à la recherche et au développement continu", "Access to research training and continuous development" },
  { 40, "training", "Encadrement", "Supervision" },
};
