package kr.dolbom.matching.provider;

/**
 * What kind of social-economy organisation a consortium member is (사회적경제조직). The public home-care centre
 * (종합재가센터) is not among them: it is set up with the district as its provider of last resort, not registered as
 * a member.
 */
public enum ProviderKind {
    // 사회적협동조합
    SOCIAL_COOPERATIVE,
    // 협동조합
    COOPERATIVE,
    // 사회적기업
    SOCIAL_ENTERPRISE,
    // 마을기업
    VILLAGE_ENTERPRISE,
    // 지역자활센터 (자활기업 포함)
    SELF_SUFFICIENCY_CENTRE,
    // 비영리민간단체
    NONPROFIT
}
