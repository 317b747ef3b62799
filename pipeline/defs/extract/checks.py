from pipeline.defs.quality import pandera_check
from pipeline.entities import EntityMentionsModel
from pipeline.fusion import EngagementEvidenceModel, EngagementParticipantsModel, EngagementsModel
from pipeline.persons import PersonsModel

entity_mentions_schema = pandera_check("entity_mentions", EntityMentionsModel)
persons_schema = pandera_check("persons", PersonsModel)
engagements_schema = pandera_check("engagements", EngagementsModel)
engagement_participants_schema = pandera_check("engagement_participants", EngagementParticipantsModel)
engagement_evidence_schema = pandera_check("engagement_evidence", EngagementEvidenceModel)
